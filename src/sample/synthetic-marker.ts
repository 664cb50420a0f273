/**
 * The column `soqa sample` adds to every file it writes (value 1): an analysis whose inputs
 * all carry it is marked synthetic, like the built-in sample.
 *
 * @example
 * `${header},${SYNTHETIC_MARKER_COLUMN}`; // => 'org_id,…,soqa_synthetic'
 */
export const SYNTHETIC_MARKER_COLUMN = 'soqa_synthetic';
