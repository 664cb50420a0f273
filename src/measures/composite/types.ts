/**
 * Direction of an indicator: `1` positive (more is better, "benefit", '+'),
 * `-1` negative (less is better, "cost", '-'). soqa uses numbers everywhere; convert
 * '+'/'-' from papers with `s === '+' ? 1 : -1`.
 */
export type Direction = 1 | -1;

/**
 * Direction for {@link minMaxNormalize}: a {@link Direction}, or `0` for a column that is
 * already on [0, 1] (e.g. the output of `centredTransform` or `intervalTransform`) and is
 * kept as it is.
 */
export type NormalizeDirection = Direction | 0;
