import type { PlantSpec } from './plan-sample.js';
import { DORMANT_ZERO } from './sample-calibration.js';

const num = (v: string): number => (v === '' ? 0 : Number(v));
const year = (r: string[]): number => Number(r[5]);
const total = (r: string[]): number => num(r[20]) + num(r[21]) + num(r[22]) + num(r[23]) + num(r[24]);

/**
 * Turn the normal rows of a planted organization into its planted case. Kept out of the
 * per-year loop so that the hot loop has no rarely-taken branches.
 *
 * @param plant the planted case
 * @param out the organization's rows (changed in place; a row may be removed)
 * @param rand the run's stream
 * @example
 * applyPlant({ rule: 'dormant', year: 2023, until: 2024 }, rows, rand); // rows of 2023–2024 report no activity
 */
export function applyPlant(plant: PlantSpec, out: string[][], rand: () => number): void {
  const rows = out.slice();
  switch (plant.rule) {
    case 'dormant':
      for (const r of rows) if (year(r) >= plant.year) for (const c of DORMANT_ZERO) r[c] = '0';
      break;
    case 'missing_report':
      out.splice(
        rows.findIndex((r) => year(r) === plant.year),
        1,
      );
      break;
    case 'persistent_deficit': {
      let extra = 0;
      for (const r of rows) {
        const y = year(r);
        if (y >= plant.year && y <= plant.until) {
          const rev = total(r);
          const before = num(r[25]);
          const exp = Math.round(rev * (1.05 + 0.25 * rand()));
          r[25] = String(exp);
          if (r[26] !== '' && before > 0) r[26] = String(Math.round((num(r[26]) * exp) / before));
          extra += exp - before;
        }
        if (y >= plant.year) r[27] = String(num(r[27]) - extra);
      }
      break;
    }
    case 'single_source':
      for (const r of rows) {
        if (year(r) < plant.year) continue;
        const rev = total(r);
        const gov = Math.round(rev * (0.92 + 0.06 * rand()));
        const rest = rev - num(r[20]);
        let left = rev - gov;
        for (const c of [21, 22, 23]) {
          const v = rest > 0 ? Math.floor((num(r[c]) * (rev - gov)) / rest) : 0;
          r[c] = String(v);
          left -= v;
        }
        r[20] = String(gov);
        r[24] = String(left);
      }
      break;
    case 'implausible_jump':
      plantJump(plant, rows, rand);
      break;
    case 'cert_above_staff':
      for (const r of rows) {
        const y = year(r);
        if (y < plant.year || y > plant.until) continue;
        const n = num(r[12]) + num(r[13]) + 1 + Math.floor(rand() * 2);
        const mid = Math.floor(n * 0.35);
        r[14] = String(n - mid);
        r[15] = String(mid);
        r[16] = '0';
      }
      break;
    default:
      // credit-code and deregistration plants live in org_id / deregistered, set above
      break;
  }
  for (const r of rows) if (r.length > 41) r[41] = String(total(r));
}

/** An implausible jump in the plant's year: full-time staff ×10–15, or revenue, expenses and assets ×12–18, from then on. */
function plantJump(plant: PlantSpec, rows: string[][], rand: () => number): void {
  const scaleMoney = (r: string[], f: number): void => {
    for (const c of [20, 21, 22, 23, 24, 25]) r[c] = String(Math.round(num(r[c]) * f));
    if (r[26] !== '') r[26] = String(Math.round(num(r[26]) * f));
    r[27] = String(Math.round(num(r[27]) * f));
  };
  const k = rows.findIndex((r) => year(r) === plant.year);
  const prev = rows[k - 1];
  const cur = rows[k];
  if (plant.kind === 'staff') {
    if (num(prev[12]) === 0) prev[12] = '1';
    const d = Math.ceil(num(prev[12]) * (10 + 5 * rand())) - num(cur[12]);
    for (let j = k; j < rows.length; j++) rows[j][12] = String(num(rows[j][12]) + d);
  } else {
    const f = ((12 + 6 * rand()) * total(prev)) / total(cur);
    for (let j = k; j < rows.length; j++) scaleMoney(rows[j], f);
  }
}
