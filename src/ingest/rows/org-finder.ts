import type { Dataset } from '../../dataset/dataset.js';
import type { FoundOrganization } from '../../dataset/org-rows.js';

export type { FoundOrganization } from '../../dataset/org-rows.js';

/** Characters an id must share with the query, from its start, to be suggested. */
const MIN_PREFIX = 4;

/**
 * Find one organization by id or exact name over rows read in parts (the whole dataset at
 * once, or spill buckets one after another), with the same answer whatever the parts:
 *
 * 1. an id equal to the query (or to the query cleaned as an id, or that in upper case): the one whose row comes first
 *    in input order;
 * 2. else a name equal to the query, when exactly one organization has it (in any year);
 * 3. else no id, and suggestions: the ids sharing that name, else the ids with the longest
 *    common prefix with the query (at least 4 characters), five at most.
 *
 * @example
 * const f = new OrgFinder('51150200MJ1047299X');
 * f.add(ds);
 * f.result(); // => { id: '51150200MJ1047299X', org: -1, suggestions: [] }
 */
export class OrgFinder {
  private readonly q: string;
  /** The query as an id: cleaned as ingest cleans id cells (apostrophe, ="…", invisible characters…), upper case. */
  private readonly upper: string;
  private readonly id: string;
  private hit: { id: string; row: number; org: number } | null = null;
  /** Organizations with the queried name: id → organization number. */
  private readonly named = new Map<string, number>();
  /** Ids sharing a prefix of at least 4 characters with the query: id → prefix length. */
  private readonly near = new Map<string, number>();

  /**
   * @param query an organization id (unified social credit code) or exact name; surrounding
   *   spaces are ignored
   * @param idQuery the query as ingest reads an id cell (the CLI cleans it of a leading
   *   apostrophe, `="…"`, zero-width characters and full-width letters, so that an id is
   *   found under any spelling ingest reads as it); default the trimmed query
   */
  constructor(query: string, idQuery: string = query.trim()) {
    this.q = query.trim();
    this.id = idQuery;
    this.upper = this.id.toUpperCase();
  }

  /**
   * Look at some rows.
   *
   * @param ds the rows (their `org_id` and `name` columns)
   * @param rowOf each row's number in input order among all rows (default: its index here)
   * @param orgOf each row's organization number (default: −1, not numbered)
   */
  add(ds: Dataset, rowOf: (i: number) => number = (i) => i, orgOf: (i: number) => number = () => -1): void {
    const ids = ds.text.org_id ?? [];
    const names = ds.text.name ?? [];
    const { q, upper, id: cleaned } = this;
    for (let i = 0; i < ds.length; i++) {
      const id = ids[i];
      if (id === undefined) continue;
      if (id === q || id === cleaned || id === upper) {
        const row = rowOf(i);
        if (!this.hit || row < this.hit.row) this.hit = { id, row, org: orgOf(i) };
      }
      if (names[i] === q && !this.named.has(id)) this.named.set(id, orgOf(i));
      if (this.hit === null && !this.near.has(id)) {
        const c = commonPrefix(id, upper);
        if (c >= MIN_PREFIX) this.near.set(id, c);
      }
    }
  }

  /**
   * The answer over every row added.
   *
   * @returns the id and organization number, or suggestions
   */
  result(): FoundOrganization {
    if (this.hit) return { id: this.hit.id, org: this.hit.org, suggestions: [] };
    if (this.named.size === 1) {
      const [[id, org]] = this.named;
      return { id, org, suggestions: [] };
    }
    if (this.named.size > 1) return { id: null, org: -1, suggestions: [...this.named.keys()].sort().slice(0, 5) };
    const suggestions = [...this.near]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 5)
      .map(([x]) => x);
    return { id: null, org: -1, suggestions };
  }
}

/** How many characters `a` and `b` share from their start. */
function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}
