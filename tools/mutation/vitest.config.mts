// The graders alone, for StrykerJS: the full config's other projects (the browser tests'
// global set-up needs a built site) have nothing to say about a mutant of the model.
// ZC_MUTATION_EXERCISE narrows it to one chapter's grader (an exercises/ folder name).
import path from 'node:path';
import {defineConfig} from 'vitest/config';
import {gradersProject} from '../../vitest.config.mts';

const folder = process.env.ZC_MUTATION_EXERCISE;

export default defineConfig({
  ...gradersProject,
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    ...gradersProject.test,
    include: folder ? [`exercises/${folder}/*.test.ts`] : gradersProject.test.include,
  },
});
