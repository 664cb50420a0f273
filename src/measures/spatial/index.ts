// Barrel for src/measures/spatial: one export line per measure file.
// (internal/ holds a helper and is not re-exported.)
export { blockNeighbours } from './block-neighbours.js';
export { moransI, type MoransIOptions, type MoransIPermutation, type MoransIResult } from './morans-i.js';
export { spatialGini, type SpatialGiniPermutation, type SpatialGiniResult } from './spatial-gini.js';
export {
  localMoran,
  type LisaQuadrant,
  type LocalMoranOptions,
  type LocalMoranResult,
  type LocalMoranUnit,
} from './local-moran.js';
