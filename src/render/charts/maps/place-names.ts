/**
 * Where a map prints its names: at each unit's label point, or moved just above, below or
 * beside it when the name would overlap a name placed before it.
 */
import { textWidth } from '../text-width.js';

/** A name to place: text, size and the label point in px. */
export interface NameToPlace {
  text: string;
  x: number;
  y: number;
}

type Box = [number, number, number, number];

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

/**
 * Greedy placement in input order (put the names that matter most first): each name goes
 * to the first of centre, above, below, left, right, further above, further below whose
 * box overlaps no name placed so far, else to the position of least overlap.
 *
 * @param names names with their label points in px
 * @param fontSize font size in px
 * @returns the text centre of each name in px, in input order
 * @example
 * placeNames([{ text: '乌海市', x: 10, y: 10 }, { text: '鄂尔多斯市', x: 14, y: 12 }], 10)[1]; // => [14, 25] (moved below)
 */
export function placeNames(names: readonly NameToPlace[], fontSize: number): [number, number][] {
  const placed: Box[] = [];
  return names.map((n) => {
    const w = textWidth(n.text, fontSize) + 4;
    const h = fontSize + 3;
    const offsets: [number, number][] = [
      [0, 0],
      [0, -h],
      [0, h],
      [-(w / 2 + 6), 0],
      [w / 2 + 6, 0],
      [0, -2 * h],
      [0, 2 * h],
    ];
    let best: { xy: [number, number]; box: Box; cost: number } | null = null;
    for (const [dx, dy] of offsets) {
      const x = n.x + dx;
      const y = n.y + dy;
      const box: Box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      const cost = placed.reduce((s, b) => s + overlap(box, b), 0);
      if (!best || cost < best.cost) best = { xy: [x, y], box, cost };
      if (cost === 0) break;
    }
    placed.push(best!.box);
    return best!.xy;
  });
}
