import { measureRecord } from './measure-record.js';

/** The sums and reporting counts of a cube's cells, `measures.length` per cell, shared by its {@link FlatCubeCell}s. */
export interface FlatCellStore {
  readonly measures: string[];
  readonly sum: Float64Array;
  readonly n: Float64Array;
}

/**
 * A cube cell whose sums and reporting counts stay in flat arrays shared by the whole cube
 * (the cube of organization rows): its `sum` and `n` records are made when first read, so a
 * cube of many cells (a registry list's region × year × type × field over a century) holds
 * 16 bytes per cell and measure instead of two objects per cell. It reads, spreads into
 * JSON (`toJSON`) and rolls up like a plain cell; rollups read the flat arrays directly
 * ({@link FlatCubeCell.gather}).
 *
 * @example
 * const store = { measures: ['staff'], sum: Float64Array.of(7), n: Float64Array.of(2) };
 * const c = new FlatCubeCell({ region: '150100', year: 2024, type: 'foundation', field: '' }, 3, store, 0);
 * c.sum; // => { staff: 7 }
 * JSON.stringify(c); // => '{"region":"150100","year":2024,"type":"foundation","field":"","count":3,"sum":{"staff":7},"n":{"staff":2}}'
 */
export class FlatCubeCell {
  readonly region: string;
  readonly year: number;
  readonly type: string;
  readonly field: string;
  readonly count: number;
  readonly #store: FlatCellStore;
  readonly #at: number;
  #sum: Record<string, number> | undefined;
  #n: Record<string, number> | undefined;

  /**
   * @param key the cell's region, year, type and field
   * @param count organizations in the cell
   * @param store the cube's flat sums and reporting counts
   * @param at the cell's row in the store
   */
  constructor(
    key: { region: string; year: number; type: string; field: string },
    count: number,
    store: FlatCellStore,
    at: number,
  ) {
    this.region = key.region;
    this.year = key.year;
    this.type = key.type;
    this.field = key.field;
    this.count = count;
    this.#store = store;
    this.#at = at;
  }

  /** Per measured field: sum over organizations reporting it. */
  get sum(): Record<string, number> {
    return (this.#sum ??= measureRecord(this.#store.measures, this.#store.sum, this.#at * this.#store.measures.length));
  }

  /** Per measured field: organizations reporting it (non-missing). */
  get n(): Record<string, number> {
    return (this.#n ??= measureRecord(this.#store.measures, this.#store.n, this.#at * this.#store.measures.length));
  }

  /** The cell as a plain object (what `JSON.stringify` writes). */
  toJSON(): object {
    const { region, year, type, field, count, sum, n } = this;
    return { region, year, type, field, count, sum, n };
  }

  /**
   * The flat sums and reporting counts of `cells` in their order, when every cell is a
   * {@link FlatCubeCell} of one store with these measures; null otherwise.
   *
   * @param cells a cube's cells
   * @param measures the cube's measures
   * @returns cell × measure arrays (the store's own when the cells are its rows in order: read only), or null
   * @example
   * FlatCubeCell.gather(cube.cells, cube.measures)?.sum.length === cube.cells.length * cube.measures.length; // => true
   */
  static gather(cells: readonly unknown[], measures: string[]): { sum: Float64Array; n: Float64Array } | null {
    const first = cells[0];
    if (!(first instanceof FlatCubeCell) || first.#store.measures !== measures) return null;
    const store = first.#store;
    const m = measures.length;
    if (inStoreOrder(cells, store, m)) return { sum: store.sum, n: store.n };
    const sum = new Float64Array(cells.length * m);
    const n = new Float64Array(cells.length * m);
    for (let ci = 0; ci < cells.length; ci++) {
      const c = cells[ci];
      if (!(c instanceof FlatCubeCell) || c.#store !== store) return null;
      const from = c.#at * m;
      sum.set(store.sum.subarray(from, from + m), ci * m);
      n.set(store.n.subarray(from, from + m), ci * m);
    }
    return { sum, n };
  }

  /** Whether `cell` is a {@link FlatCubeCell} of `store` at row `at`. */
  static isAt(cell: unknown, store: FlatCellStore, at: number): boolean {
    return cell instanceof FlatCubeCell && cell.#store === store && cell.#at === at;
  }
}

/** Whether the cells are the store's rows in order, all of them (then the store's arrays are the cells' arrays). */
function inStoreOrder(cells: readonly unknown[], store: FlatCellStore, m: number): boolean {
  if (store.sum.length !== cells.length * m || store.n.length !== cells.length * m) return false;
  for (let ci = 0; ci < cells.length; ci++) if (!FlatCubeCell.isAt(cells[ci], store, ci)) return false;
  return true;
}
