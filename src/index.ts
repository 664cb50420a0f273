/**
 * soqa library entry. Pure measures (`src/measures`) are re-exported here so that
 * statisticians can `import { theil, entropyWeights } from 'soqa'`.
 */
export * from './measures/index.js';
export { SoqaError, isSoqaError } from './core/soqa-error.js';
export { EXIT } from './core/exit-codes.js';
export { createLogger } from './core/logger.js';
export type { Logger, LogEntry } from './core/logger.js';
export { FIELDS, ORG_TYPES, REVENUE_FIELDS } from './dataset/fields.js';
