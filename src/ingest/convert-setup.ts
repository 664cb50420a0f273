import { ORG_TYPES, STATUSES } from '../dataset/fields.js';
import type { ConvertContext } from './convert-row.js';
import { activityFieldAliases, loadFieldsOfActivity } from './load-fields-of-activity.js';
import type { Profile } from './profile/profile.js';
import { regionResolver } from '../domain/regions/region-resolver.js';
import type { RegionsFile } from '../domain/regions/regions.js';
import { buildValueMap } from './values/build-value-map.js';
import { normalizeText } from '../domain/normalize-text.js';
import { loadChinaGazetteer } from './regions/load-china-gazetteer.js';

/** The parts of a {@link ConvertContext} that come from the profile and regions, not from a file's header. */
export type ConvertSetup = Pick<
  ConvertContext,
  'categoryMaps' | 'resolveRegion' | 'regionsId' | 'years' | 'valueAliases'
>;

/**
 * Build the header-independent conversion tables of a run: category value maps (type,
 * status, field of activity with the profile's aliases), the region resolver, value
 * aliases of the other fields and the plausible years. Ingest builds them once per run,
 * and each parallel range worker builds its own from the same profile and regions.
 *
 * @param profile the input profile
 * @param regions the regions file
 * @returns the tables
 * @example
 * const setup = convertSetup(profile, regions);
 * setup.categoryMaps.type.get('基金会'); // => 'foundation'
 */
export function convertSetup(profile: Profile, regions: RegionsFile): ConvertSetup {
  const fieldAliases = activityFieldAliases();
  for (const [code, list] of Object.entries(profile.values?.field ?? {}))
    fieldAliases[code] = [...(fieldAliases[code] ?? []), ...list];
  const categoryMaps: Record<string, Map<string, string>> = {
    type: buildValueMap(ORG_TYPES, profile.values?.type),
    status: buildValueMap(STATUSES, profile.values?.status),
    field: buildValueMap(
      loadFieldsOfActivity().map((f) => f.code),
      fieldAliases,
    ),
  };
  const resolveRegion = regionResolver(regions, loadChinaGazetteer);
  const valueAliases = Object.fromEntries(
    Object.entries(profile.values ?? {})
      .filter(([f]) => !(f in categoryMaps))
      .map(([f, m]) => [
        f,
        new Map(
          Object.entries(m).flatMap(([code, list]) => list.map((a) => [normalizeText(a).toLowerCase(), code] as const)),
        ),
      ]),
  );
  const years = profile.years ?? { min: 1949, max: 2035 };
  return { categoryMaps, resolveRegion, regionsId: regions.id, years, valueAliases };
}
