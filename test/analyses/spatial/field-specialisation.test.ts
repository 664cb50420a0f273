import { describe, expect, it } from 'vitest';
import { fieldSpecialisation } from '../../../src/analyses/spatial/field-specialisation.js';
import type { RegionUnit } from '../../../src/analyses/spatial/region-units.js';
import { loadFieldsOfActivity } from '../../../src/ingest/load-fields-of-activity.js';
import { tinyCube } from '../support/tiny-cube.js';

const units: RegionUnit[] = [
  { code: 'X', zh: 'X', en: 'X', population: 100, zone: 'core', neighbours: [] },
  { code: 'Y', zh: 'Y', en: 'Y', population: 100, zone: 'periphery', neighbours: [] },
  { code: 'Z', zh: 'Z', en: 'Z', population: 100, zone: 'periphery', neighbours: [] },
];
const cell = (region: string, field: string, count: number) => ({
  region,
  year: 2024,
  type: 'social_group',
  field,
  count,
});

describe('fieldSpecialisation', () => {
  it('gives field × region and zone location quotients and checks the seed claim', () => {
    // X (core): business 30, ecology 10, charity 0; Y: business 10, ecology 20, charity 10; Z: nothing.
    // Totals: business 40, ecology 30, charity 10; X 40, Y 40; all 80.
    const cube = tinyCube([
      cell('X', 'business', 30),
      cell('X', 'ecology', 10),
      cell('Y', 'business', 10),
      cell('Y', 'ecology', 20),
      cell('Y', 'charity', 10),
    ]);
    const f = fieldSpecialisation(cube, 2024, units, loadFieldsOfActivity())!;
    // rows in the order of data/fields-of-activity.json: business, ecology, charity
    expect(f.rows.map((r) => r.field)).toEqual(['business', 'ecology', 'charity']);
    const lq = Object.fromEntries(f.rows.map((r) => [r.field, r]));
    // LQ(business, X) = (30/40)/(40/80) = 1.5; (business, Y) = (10/40)/(1/2) = 0.5
    expect(lq.business.lq.X).toBeCloseTo(1.5, 12);
    expect(lq.business.lq.Y).toBeCloseTo(0.5, 12);
    // ecology: X (10/40)/(30/80) = 2/3, Y (20/40)/(30/80) = 4/3; charity: X 0, Y (10/40)/(10/80) = 2
    expect(lq.ecology.lq.X).toBeCloseTo(2 / 3, 12);
    expect(lq.ecology.lq.Y).toBeCloseTo(4 / 3, 12);
    expect(lq.charity.lq.X).toBe(0);
    expect(lq.charity.lq.Y).toBeCloseTo(2, 12);
    // Z has no organization with a field: null, with a note
    expect(lq.business.lq.Z).toBeNull();
    expect(f.notes.map((n) => n.code)).toContain('N_FIELD_LQ_NULL');
    // the periphery is Y (+ empty Z), so its LQs equal Y's
    expect(lq.ecology.peripheryLq).toBeCloseTo(4 / 3, 12);
    expect(lq.ecology.coreLq).toBeCloseTo(2 / 3, 12);
    expect(f.literatureClaim.holds).toBe(true);
    expect(f.peripheryTop.map((t) => t.field)).toEqual(['charity', 'ecology', 'business']);
  });

  it('says so when the periphery does not specialise, and when a seed field is absent', () => {
    // charity only in the core: periphery LQ(charity) = 0 → claim false
    const cube = tinyCube([
      cell('X', 'charity', 10),
      cell('X', 'ecology', 5),
      cell('Y', 'ecology', 5),
      cell('Y', 'business', 10),
    ]);
    expect(fieldSpecialisation(cube, 2024, units, loadFieldsOfActivity())!.literatureClaim.holds).toBe(false);
    const noCharity = tinyCube([cell('X', 'ecology', 5), cell('Y', 'ecology', 5), cell('Y', 'business', 10)]);
    const f = fieldSpecialisation(noCharity, 2024, units, loadFieldsOfActivity())!;
    expect(f.literatureClaim.holds).toBeNull();
    expect(f.literatureClaim.peripheryLq.charity).toBeNull();
    expect(f.notes.find((n) => n.code === 'N_CLAIMED_FIELDS_ABSENT')!.en).toContain('charity');
  });

  it('leaves organizations without a field out, with a note, and is null without any field', () => {
    const cube = tinyCube([cell('X', 'ecology', 5), cell('Y', 'ecology', 5), cell('Y', '', 7)]);
    const f = fieldSpecialisation(cube, 2024, units, loadFieldsOfActivity())!;
    expect(f.rows.map((r) => r.count)).toEqual([10]);
    expect(f.notes.find((n) => n.code === 'N_FIELD_MISSING')!.en).toContain('7 organizations');
    expect(fieldSpecialisation(tinyCube([cell('X', '', 3)]), 2024, units, loadFieldsOfActivity())).toBeNull();
  });
});
