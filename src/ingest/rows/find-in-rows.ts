import { OrgFinder, type FoundOrganization } from './org-finder.js';
import type { OrgPart } from '../../dataset/org-rows.js';

/**
 * Look for one organization in rows read part by part (the one code path of both row sources).
 *
 * @param parts the parts (each row with its number in input order and its organization number)
 * @param query an organization id or exact name
 * @param idQuery the query as ingest reads an id cell (default: the trimmed query)
 * @returns the id and organization number, or suggestions
 * @example
 * findInParts(rows.parts(), '51150200MJ1047299X').id; // => '51150200MJ1047299X'
 */
export function findInParts(parts: Iterable<OrgPart>, query: string, idQuery?: string): FoundOrganization {
  const finder = new OrgFinder(query, idQuery);
  for (const part of parts)
    finder.add(
      part.ds,
      (i) => part.rows[i],
      (i) => part.orgs[i],
    );
  return finder.result();
}
