import { measureError } from '../measure-error.js';

/** One of the ten coupling-coordination classes. */
export interface CoordinationClass {
  /** 0 (extreme imbalance) … 9 (high-quality coordination) */
  index: number;
  /** Chinese name, as used in the papers */
  zh: string;
  /** English name */
  en: string;
}

const CLASSES: readonly (readonly [string, string])[] = [
  ['极度失调', 'extreme imbalance'],
  ['严重失调', 'serious imbalance'],
  ['中度失调', 'moderate imbalance'],
  ['轻度失调', 'mild imbalance'],
  ['濒临失调', 'on the verge of imbalance'],
  ['勉强协调', 'barely coordinated'],
  ['初级协调', 'primary coordination'],
  ['中级协调', 'intermediate coordination'],
  ['良好协调', 'good coordination'],
  ['优质协调', 'high-quality coordination'],
];

/** Lower bounds of classes 1..9, as literals so that a boundary value compares exactly. */
const LOWER = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/**
 * Classify a coupling coordination degree D into the ten usual classes in steps of 0.1,
 * from 极度失调 extreme imbalance (D < 0.1) to 优质协调 high-quality coordination (D ≥ 0.9).
 * A D exactly on a boundary goes to the upper class (D = 0.5 → 勉强协调); D = 1 → class 9.
 *
 * @param D coupling coordination degree on [0, 1]
 * @returns class index 0..9 with its Chinese and English name
 * @throws MeasureError `E_MEASURE_INPUT` when D is NaN or outside [0, 1]
 * @example
 * coordinationClass(0.5); // => { index: 5, zh: '勉强协调', en: 'barely coordinated' }
 */
export function coordinationClass(D: number): CoordinationClass {
  if (typeof D !== 'number' || !(D >= 0 && D <= 1)) {
    throw measureError('coordinationClass', `D must be in [0, 1], got ${String(D)}`);
  }
  let index = 0;
  for (const bound of LOWER) if (D >= bound) index++;
  const [zh, en] = CLASSES[index];
  return { index, zh, en };
}
