import { readFileSync } from 'node:fs';

/** A GAL weights file: unit ids in file order and, per unit, neighbour positions. */
export interface GalWeights {
  ids: string[];
  /** neighbours[i] = positions (in `ids`) of unit i's neighbours, in file order. */
  neighbours: number[][];
}

/**
 * Read a GAL contiguity file: a header line holding the unit count (either `n`, or the
 * newer `0 n shapefile idfield`), then for each unit a line `id k` and a line of its k
 * neighbour ids. Units are numbered by their order in the file, which is the row order of
 * the matching attribute table (as libpysal and spdep `read.gal` read it).
 *
 * @param file absolute path
 * @returns ids and neighbour positions
 * @throws Error on a malformed file or a neighbour id that is not a unit
 */
export function readGal(file: string): GalWeights {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const header = lines[0].split(/\s+/);
  const n = Number(header.length >= 2 ? header[1] : header[0]);
  const ids: string[] = [];
  const lists: string[][] = [];
  let line = 1;
  for (let u = 0; u < n; u++) {
    const [id, k] = lines[line++].split(/\s+/);
    const count = Number(k);
    const nb = count === 0 ? [] : lines[line].split(/\s+/).filter((s) => s !== '');
    // a unit without neighbours may or may not have an (empty) neighbour line
    if (count > 0 || lines[line] === '') line++;
    if (nb.length !== count) throw new Error(`${file}: unit ${id} should have ${count} neighbours, got ${nb.length}`);
    ids.push(id);
    lists.push(nb);
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  const neighbours = lists.map((nb) =>
    nb.map((id) => {
      const p = position.get(id);
      if (p === undefined) throw new Error(`${file}: neighbour ${id} is not a unit`);
      return p;
    }),
  );
  return { ids, neighbours };
}
