/**
 * The deterministic synthetic sample: an Inner Mongolia organization-year panel calibrated to
 * the literature (Fu 2025 above all), with planted risk cases. Pure (no I/O); the CLI streams it to a file.
 */
export { generateSample } from './generate-sample.js';
export { sampleManifest } from './sample-manifest.js';
export type { SampleManifest, PlantedCase } from './sample-manifest.js';
export { PLANTED_RULES } from './planted-rules.js';
export type { PlantedRule } from './planted-rules.js';
export { toCsvLine } from './to-csv-line.js';
export { resolveSampleOptions } from './sample-options.js';
export type { SampleOptions, SampleRegionsInput, SampleRegion, ResolvedSampleOptions } from './sample-options.js';
