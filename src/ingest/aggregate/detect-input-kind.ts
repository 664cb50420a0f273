import type { Profile } from '../profile/profile.js';
import { mapAggregateHeader } from './map-aggregate-header.js';

/** What an input file holds: organization rows (registry list or panel) or an aggregated table. */
export type InputKind = 'organizations' | 'aggregate';

/** The values `--input-kind` accepts. */
export const INPUT_KINDS: readonly InputKind[] = ['organizations', 'aggregate'];

/**
 * Tell an aggregated (yearbook-style) table from organization rows by its header: it is
 * aggregated when it has a count column (`count`, `组织数`, `数量`… through the profile) or
 * count columns named after the types (`社会团体`, `民办非企业单位`, `基金会`: the wide
 * layout), and no organization id or name column. Anything else is organization rows
 * (whose own header checks then report what is missing).
 *
 * @param headers the header cells of the first input file
 * @param profile the input profile
 * @returns the kind
 * @example
 * detectInputKind(['地区', '年份', '社会团体', '民办非企业单位', '基金会'], loadProfile()); // => 'aggregate'
 * detectInputKind(['org_id', 'name', 'type', 'region', 'registered'], loadProfile()); // => 'organizations'
 */
export function detectInputKind(headers: string[], profile: Profile): InputKind {
  const h = mapAggregateHeader(headers, profile);
  if (h.rowColumns.includes('org_id') || h.rowColumns.includes('name')) return 'organizations';
  return h.count >= 0 || h.typeColumns.length > 0 ? 'aggregate' : 'organizations';
}
