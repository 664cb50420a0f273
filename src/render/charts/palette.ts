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
