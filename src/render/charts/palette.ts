/**
 * The fixed, colour-blind-safe colours every soqa chart uses. Colours come from the
 * Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
 * distinguishable under the common colour-vision deficiencies and in greyscale print.
 * A category always gets the same colour, whatever else the chart shows, so readers
 * can compare charts at a glance.
 */
import type { OrgType } from '../../dataset/fields.js';

/**
 * The eight Okabe–Ito colours plus a neutral grey for residual categories.
 *
 * @example
 * OKABE_ITO.blue; // => '#0072B2'
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
} as const;

/**
 * Fixed colour per organization type: social groups blue, private non-enterprise units
 * orange, foundations bluish green, other grey.
 *
 * @example
 * TYPE_COLORS.foundation; // => '#009E73'
 */
export const TYPE_COLORS: Readonly<Record<OrgType, string>> = {
  social_group: OKABE_ITO.blue,
  private_non_enterprise: OKABE_ITO.orange,
  foundation: OKABE_ITO.bluishGreen,
  other: OKABE_ITO.grey,
};

/** Zone codes of the core/periphery split (see DOMAIN.md). */
export type Zone = 'core' | 'periphery';

/**
 * Fixed colour per zone: core vermillion, periphery sky blue (a pair that stays apart
 * for red-green and blue-yellow colour blindness).
 *
 * @example
 * ZONE_COLORS.core; // => '#D55E00'
 */
export const ZONE_COLORS: Readonly<Record<Zone, string>> = {
  core: OKABE_ITO.vermillion,
  periphery: OKABE_ITO.skyBlue,
};

/**
 * Colours of certificate levels: junior sky blue, intermediate blue, senior vermillion
 * (the scarce level stands out).
 *
 * @example
 * CERT_COLORS.senior; // => '#D55E00'
 */
export const CERT_COLORS: Readonly<Record<'junior' | 'mid' | 'senior', string>> = {
  junior: OKABE_ITO.skyBlue,
  mid: OKABE_ITO.blue,
  senior: OKABE_ITO.vermillion,
};

/**
 * Colours of indicator layers by their position in the framework (the default framework's
 * composition, function and output get reddish purple, orange and bluish green).
 *
 * @example
 * LAYER_COLORS[0]; // => '#CC79A7'
 */
export const LAYER_COLORS: readonly string[] = [
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.blue,
  OKABE_ITO.grey,
];
