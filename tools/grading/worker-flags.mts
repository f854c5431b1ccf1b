// The Node flags for the graders' Vitest worker travel from the grading runner to
// vitest.config.mts in one environment variable (a JSON array of strings).
export const WORKER_FLAGS_ENV = 'ZC_WORKER_FLAGS';

export function workerFlagsFromEnv(env: NodeJS.ProcessEnv): string[] {
  const raw = env[WORKER_FLAGS_ENV];
  if (!raw) return [];
  const flags: unknown = JSON.parse(raw);
  if (!Array.isArray(flags) || !flags.every((flag): flag is string => typeof flag === 'string')) {
    throw new Error(`${WORKER_FLAGS_ENV} must be a JSON array of Node flags; got ${raw}`);
  }
  return flags;
}
