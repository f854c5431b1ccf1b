// The NIC features a zero-copy send depends on, what a current kernel does without each, and
// reading them from `ethtool -k` output (chapter 5). Re-exported by scatter-gather.ts, the
// chapter's module.
import {ModelInputError} from './validate';

/**
 * What a NIC can do for a zero-copy send: gather a packet from several places in memory
 * (scatter-gather, NETIF_F_SG) and compute the TCP checksum itself (checksum offload).
 */
export interface NicFeatures {
  readonly scatterGather: boolean;
  readonly checksumOffload: boolean;
}

export type NicFeature = keyof NicFeatures;

/** In the order the model reports missing features. */
export const NIC_FEATURES: readonly NicFeature[] = ['scatterGather', 'checksumOffload'];

/** How `ethtool -k <device>` names each feature (its output's line labels). */
export const ETHTOOL_FEATURE_NAMES: Record<NicFeature, string> = {
  scatterGather: 'scatter-gather',
  checksumOffload: 'tx-checksumming',
};

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return String(value);
}

function requireBoolean(parameter: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ModelInputError(parameter, value, `${parameter} must be true or false; got ${show(value)}`);
  }
  return value;
}

/** Throws a message naming the feature when `features` is not two booleans. */
export function validateNicFeatures(features: NicFeatures): NicFeatures {
  if (typeof features !== 'object' || features === null) {
    throw new ModelInputError('features', features, `features must be {scatterGather, checksumOffload}; got ${show(features)}`);
  }
  for (const feature of NIC_FEATURES) requireBoolean(`features.${feature}`, features[feature]);
  return features;
}

/**
 * How a send leaves the machine:
 * - 'gather': the NIC gathers from the page cache and computes the checksum; the CPU does not
 *   touch the bytes;
 * - 'gather-cpu-checksum': the NIC gathers, but the CPU reads every byte once for the checksum;
 * - 'copy': the NIC cannot gather, so the CPU copies the bytes into linear buffers.
 */
export type SendPath = 'gather' | 'gather-cpu-checksum' | 'copy';

/** The path a current kernel (4.17 and later) takes for a NIC with these features. */
export function sendPathFor({scatterGather, checksumOffload}: NicFeatures): SendPath {
  if (!scatterGather) return 'copy';
  return checksumOffload ? 'gather' : 'gather-cpu-checksum';
}

export interface EthtoolVerdict {
  readonly features: NicFeatures;
  /** Features that are off, in NIC_FEATURES order. */
  readonly missing: readonly NicFeature[];
  /** How a current kernel sends through this NIC (see SendPath). */
  readonly path: SendPath;
  /**
   * True when both are on: the CPU neither copies nor reads the bytes sendfile() sends. With
   * scatter-gather alone there is no copy either, but a CPU pass for the checksum.
   */
  readonly zeroCopy: boolean;
  /** One or two sentences for a person, naming the features as ethtool does. */
  readonly explanation: string;
}

// "scatter-gather: on", "\ttx-checksumming: off [fixed]": a label, a colon, then the state.
const FEATURE_LINE = /^\s*([A-Za-z0-9_-]+):\s*(\S*)/;

/**
 * Reads the output of `ethtool -k <device>` and says whether zero-copy sending is possible.
 * Only the top-level "scatter-gather:" and "tx-checksumming:" lines count; indented
 * sub-features such as "tx-scatter-gather:" have other labels and are ignored, and so is
 * anything after "on" or "off" (such as "[fixed]"). Output without both lines, with a state
 * other than on or off, or with a line twice (two devices pasted together) throws.
 */
export function ethtoolVerdict(output: string): EthtoolVerdict {
  if (typeof output !== 'string') {
    throw new ModelInputError('output', output, `output must be the text that \`ethtool -k <device>\` prints; got ${show(output)}`);
  }
  const found = new Map<NicFeature, {on: boolean; line: number}>();
  output.split(/\r?\n/).forEach((text, index) => {
    const match = FEATURE_LINE.exec(text);
    const feature = match && NIC_FEATURES.find((f) => ETHTOOL_FEATURE_NAMES[f] === match[1]);
    if (!match || !feature) return;
    const label = ETHTOOL_FEATURE_NAMES[feature];
    const line = index + 1;
    const state = match[2];
    if (state !== 'on' && state !== 'off') {
      throw new ModelInputError('output', output, `output line ${line} must say "${label}: on" or "${label}: off"; got ${show(text.trim())}`);
    }
    const earlier = found.get(feature);
    if (earlier) {
      throw new ModelInputError(
        'output',
        output,
        `output must describe one device, but "${label}:" appears twice (lines ${earlier.line} and ${line})`,
      );
    }
    found.set(feature, {on: state === 'on', line});
  });
  const absent = NIC_FEATURES.filter((feature) => !found.has(feature)).map((feature) => `"${ETHTOOL_FEATURE_NAMES[feature]}:"`);
  if (absent.length > 0) {
    throw new ModelInputError(
      'output',
      output,
      `output must be what \`ethtool -k <device>\` prints, with a "scatter-gather:" line and a "tx-checksumming:" line; ${absent.join(' and ')} ${absent.length === 1 ? 'is' : 'are'} missing`,
    );
  }
  const features: NicFeatures = {
    scatterGather: found.get('scatterGather')?.on ?? false,
    checksumOffload: found.get('checksumOffload')?.on ?? false,
  };
  const missing = NIC_FEATURES.filter((feature) => !features[feature]);
  return {features, missing, path: sendPathFor(features), zeroCopy: missing.length === 0, explanation: explainFeatures(missing)};
}

/** What a current kernel does with a NIC that lacks `missing`, naming features as ethtool does. */
export function explainFeatures(missing: readonly NicFeature[]): string {
  if (missing.length === 0) {
    return 'scatter-gather and tx-checksumming are on: the NIC gathers the bytes from the page cache and computes the checksum, so sendfile() makes no CPU copy and no CPU pass over the bytes.';
  }
  if (!missing.includes('scatterGather')) {
    return 'tx-checksumming is off: on Linux 4.17 and later the NIC still gathers from the page cache (no CPU copy), but the CPU reads every byte once to compute the checksum (skb_checksum_help()). Kernels before 4.17 copied instead, and 2.6-era kernels turned scatter-gather off on such a NIC.';
  }
  const off = missing.map((feature) => ETHTOOL_FEATURE_NAMES[feature]).join(' and ');
  return `${off} ${missing.length === 1 ? 'is' : 'are'} off: the NIC cannot gather pieces of memory, so the kernel copies the bytes into linear buffers at transmit (1 CPU copy${missing.length === 2 ? ', which also computes the checksum' : ''}).`;
}
