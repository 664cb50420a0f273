import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { Dataset } from '../../dataset/dataset.js';
import { findInParts } from './find-in-rows.js';
import type { FoundOrganization } from './org-finder.js';
import { rowsInput, yearRange, type InputRows, type OrgPart, type OrgRows } from '../../dataset/org-rows.js';

/**
 * Organization rows held in memory: one part, all the rows, organizations numbered in order
 * of first appearance of their id, rows numbered by their index.
 *
 * @example
 * const rows = new MemoryOrgRows(ingest.dataset);
 * [...rows.parts()].length; // => 1
 */
export class MemoryOrgRows implements OrgRows {
  private part: OrgPart | null = null;
  private count = 0;
  readonly years: readonly [number, number];

  /** @param ds the accepted rows */
  constructor(readonly ds: Dataset) {
    this.years = ds.shape === 'panel' ? yearRange(ds.num.year) : [Infinity, -Infinity];
  }

  get shape(): Dataset['shape'] {
    return this.ds.shape;
  }

  get fields(): readonly string[] {
    return this.ds.present;
  }

  get organizations(): number {
    this.whole();
    return this.count;
  }

  parts(): Iterable<OrgPart> {
    return [this.whole()];
  }

  partOf(org: number): OrgPart {
    if (!(org >= 0 && org < this.organizations))
      throw new SoqaError('E_INTERNAL', msg.internalError(`organization ${org} has no rows`));
    return this.whole();
  }

  find(query: string, idQuery?: string): FoundOrganization {
    return findInParts(this.parts(), query, idQuery);
  }

  close(): void {}

  /** The one part: every row, numbered, made on first use. */
  private whole(): OrgPart {
    if (this.part) return this.part;
    const ds = this.ds;
    const ids = ds.text.org_id ?? [];
    const orgs = new Int32Array(ds.length);
    const rows = new Uint32Array(ds.length);
    const number = new Map<string, number>();
    let prevId: string | undefined;
    let prev = -1;
    for (let i = 0; i < ds.length; i++) {
      rows[i] = i;
      const id = ids[i] ?? '';
      // an organization's rows are usually adjacent (exports list them together): skip the lookup
      if (id !== prevId) {
        let o = number.get(id);
        if (o === undefined) number.set(id, (o = number.size));
        prev = o;
        prevId = id;
      }
      orgs[i] = prev;
    }
    this.count = number.size;
    return (this.part = { ds, orgs, rows });
  }
}

/**
 * The input rows of a dataset held in memory (null: an aggregated table).
 *
 * @param ds the accepted rows, or null
 * @returns `{ kind: 'aggregate' }`, or the rows as {@link MemoryOrgRows}
 * @example
 * inputRows(ingest.dataset).kind; // => 'rows'
 */
export function inputRows(ds: Dataset | null): InputRows {
  return ds === null ? { kind: 'aggregate' } : rowsInput(new MemoryOrgRows(ds));
}
