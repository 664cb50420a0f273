/**
 * The 31 characters a unified social credit code (GB 32100-2015) may use, in value order:
 * a character's value is its index here. I, O, Z, S and V are excluded.
 *
 * @example
 * CREDIT_CODE_ALPHABET.indexOf('X'); // => 29
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
