/**
 * Pure numeric measures (no I/O), grouped by family. Everything here is part of the
 * public library API: `import { gini, theil, entropyWeights } from 'soqa'`.
 */
export { MeasureError, isMeasureError } from './measure-error.js';
export * from './random/index.js';
export * from './inequality/index.js';
export * from './spatial/index.js';
export * from './trend/index.js';
export * from './composite/index.js';
export * from './coupling/index.js';
