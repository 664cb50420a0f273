/**
 * soqa library entry: the pipeline (`analyze`, `render`: docs/API.md), its types and errors,
 * and the pure measures (`src/measures`), so that statisticians can
 * `import { analyze, theil, entropyWeights } from 'soqa'`.
 */
export * from './measures/index.js';
export * from './api/index.js';
export { SoqaError, isSoqaError } from './core/soqa-error.js';
export type { ErrorLocation } from './core/soqa-error.js';
export { EXIT } from './core/exit-codes.js';
export type { ExitCode } from './core/exit-codes.js';
export { createLogger } from './core/logger.js';
export type { Logger, LogEntry, LogLevel } from './core/logger.js';
export { FIELDS, ORG_TYPES, REVENUE_FIELDS } from './dataset/fields.js';
export type { Results, InputProvenance } from './results/results.js';
