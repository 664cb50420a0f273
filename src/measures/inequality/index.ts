// Barrel for src/measures/inequality: one export line per measure file.
// (internal/ holds helpers and are not re-exported.)
export { atkinson } from './atkinson.js';
export { coefficientOfVariation } from './coefficient-of-variation.js';
export { concentrationRatio } from './concentration-ratio.js';
export { gini, type GiniOptions } from './gini.js';
export { groupShare } from './group-share.js';
export { hhi, type HhiResult } from './hhi.js';
export { hoover } from './hoover.js';
export { locationQuotient } from './location-quotient.js';
export { locationQuotientMatrix } from './location-quotient-matrix.js';
export { lorenz, type LorenzOptions, type LorenzPoint } from './lorenz.js';
export { rosenbluth } from './rosenbluth.js';
export {
  theil,
  type TheilDecomposition,
  type TheilDecompositionOptions,
  type TheilGroupPart,
  type TheilOptions,
  type TheilType,
} from './theil.js';
