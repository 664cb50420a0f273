import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { Dataset } from '../../dataset/dataset.js';
import { findInParts } from './find-in-rows.js';
import type { FoundOrganization } from './org-finder.js';
import { rowsInput, yearRange, type InputRows, type OrgPart, type OrgRows } from '../../dataset/org-rows.js';

/** Options of {@link MemoryOrgRows}. */
export interface MemoryOrgRowsOptions {
  /**
   * The rows' ids are known to be all different (default false): a registry list read by the
   * ingest, which rejects a row whose id an accepted row has (R_DUPLICATE). Organization i is
   * then row i, numbered without an id → number map (for 300,000 rows a map of ~14 MB, and
   * ~26 MB allocated while it grows). Ignored for a panel.
   */
  distinctIds?: boolean;
}

/**
 * Organization rows held in memory: one part, all the rows, organizations numbered in order
 * of first appearance of their id, rows numbered by their index.
 *
 * @example
 * const rows = new MemoryOrgRows(ingest.dataset);
 * [...rows.parts()].length; // => 1
 * new MemoryOrgRows(registryList, { distinctIds: true }).partOf(0).orgs; // => Int32Array [0, 1, 2, …]
 */
export class MemoryOrgRows implements OrgRows {
  private part: OrgPart | null = null;
  private count = 0;
  readonly years: readonly [number, number];

  /**
   * @param ds the accepted rows
   * @param options whether the ids are known to be all different (default: no)
   */
  constructor(
    readonly ds: Dataset,
    private readonly options: MemoryOrgRowsOptions = {},
  ) {
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
    const rows = new Uint32Array(ds.length);
    for (let i = 0; i < ds.length; i++) rows[i] = i;
    const distinct = this.options.distinctIds && ds.shape === 'registry';
    const orgs = distinct ? rowNumbers(ds.length) : this.numberIds(ds);
    if (distinct) this.count = ds.length;
    return (this.part = { ds, orgs, rows });
  }

  /** Each row's organization number: its id's order of first appearance (and the count of organizations). */
  private numberIds(ds: Dataset): Int32Array {
    const ids = ds.text.org_id ?? [];
    const orgs = new Int32Array(ds.length);
    const number = new Map<string, number>();
    let prevId: string | undefined;
    let prev = -1;
    for (let i = 0; i < ds.length; i++) {
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
    return orgs;
  }
}

/** 0, 1, …, n − 1 as organization numbers. */
function rowNumbers(n: number): Int32Array {
  const orgs = new Int32Array(n);
  for (let i = 0; i < n; i++) orgs[i] = i;
  return orgs;
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
