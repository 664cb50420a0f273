/**
 * Rook-contiguity neighbour lists of a rows × cols lattice, units numbered row by row
 * (libpysal `lat2W(rows, cols)`, spdep `cell2nb(rows, cols, "rook")`).
 *
 * @param rows number of rows
 * @param cols number of columns
 * @returns neighbour positions per unit, ascending
 */
export function rookLattice(rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const nb: number[] = [];
      if (r > 0) nb.push((r - 1) * cols + c);
      if (c > 0) nb.push(r * cols + c - 1);
      if (c < cols - 1) nb.push(r * cols + c + 1);
      if (r < rows - 1) nb.push((r + 1) * cols + c);
      out.push(nb);
    }
  }
  return out;
}
