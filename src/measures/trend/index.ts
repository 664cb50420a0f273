// Barrel for src/measures/trend: one export line per measure file.
// (internal/ holds a helper and is not re-exported.)
export { cagr } from './cagr.js';
export { erfc } from './erfc.js';
export { growthRates } from './growth-rates.js';
export { mannKendall, type MannKendallResult } from './mann-kendall.js';
export { normalCdf } from './normal-cdf.js';
export { normalSf } from './normal-sf.js';
export { sensSlope, type SensSlopeResult } from './sens-slope.js';
