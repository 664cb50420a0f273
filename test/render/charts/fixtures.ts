/**
 * Fixed chart input for the render tests: national counts by type from DOMAIN.md
 * (bulletin 2012; Social Organization Blue Books 2022 and 2023 for 2021–2022).
 */
import type { TypeYearCount } from '../../../src/render/charts/specs/type-year-grid.js';

export const NATIONAL_COUNTS: readonly TypeYearCount[] = [
  { year: 2012, type: 'social_group', count: 271_000 },
  { year: 2012, type: 'private_non_enterprise', count: 225_000 },
  { year: 2012, type: 'foundation', count: 3_029 },
  { year: 2021, type: 'social_group', count: 371_110 },
  { year: 2021, type: 'private_non_enterprise', count: 521_900 },
  { year: 2021, type: 'foundation', count: 8_877 },
  { year: 2022, type: 'social_group', count: 370_100 },
  { year: 2022, type: 'private_non_enterprise', count: 511_900 },
  { year: 2022, type: 'foundation', count: 9_319 },
];

export const TITLES = {
  area: {
    zh: '民办非企业单位十年增加一倍多，2021年数量已超过社会团体',
    en: 'Private non-enterprise units more than doubled and by 2021 outnumbered social groups',
  },
  share: {
    zh: '民办非企业单位占比由45%升至57%',
    en: 'Private non-enterprise units rose from 45% to 57% of all organizations',
  },
} as const;
