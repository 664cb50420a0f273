import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SoqaError } from '../../../src/core/soqa-error.js';
import { EXIT } from '../../../src/core/exit-codes.js';
import { checkFramework, loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { schemaValidator } from '../../../src/ingest/read-json-config.js';
import { COMPUTE_KINDS } from '../../../src/domain/framework/framework.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-framework-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, data: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return p;
};
const defaultJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../config/framework/default.json', import.meta.url), 'utf8'));

function caught(fn: () => unknown): SoqaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SoqaError) return e;
    throw e;
  }
  throw new Error('expected a SoqaError');
}

describe('the default framework (config/framework/default.json)', () => {
  const fw = loadFramework();

  it('is valid against schemas/framework.schema.json', () => {
    const validate = schemaValidator('framework.schema.json');
    expect(validate(defaultJson()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has the three layers of Fu (2025), each with indicators, and one rationale per indicator citing the literature', () => {
    expect(fw.layers.map((l) => [l.id, l.label.zh])).toEqual([
      ['composition', '构成要素'],
      ['function', '功能创新与发挥'],
      ['output', '服务产出与社会贡献'],
    ]);
    for (const l of fw.layers) expect(fw.indicators.filter((i) => i.layer === l.id).length).toBeGreaterThan(0);
    for (const i of fw.indicators)
      expect(i.rationale).toMatch(/(Fu|Yan|Song|Liang & Zheng) \(|Ejin Horo Banner case report/);
  });

  it('uses every compute kind, and government-purchase dependence is the negative indicator', () => {
    expect(new Set(fw.indicators.map((i) => i.compute.kind))).toEqual(new Set(COMPUTE_KINDS));
    expect(fw.indicators.filter((i) => i.direction === -1).map((i) => i.id)).toEqual(['gov_dependence']);
  });

  it('accepts a top-level "tension" block (the tension analysis\' subsystems, schemas/framework.schema.json)', () => {
    const label = { zh: '张力', en: 'tension' };
    const tension = {
      tensions: [
        {
          id: 'structural',
          label,
          u1: { id: 'a', label, indicators: ['gov_dependence'] },
          u2: { id: 'b', label, indicators: ['orgs_per_10k'] },
        },
      ],
    };
    expect(loadFramework(write('tension.json', { ...defaultJson(), tension })).tension).toEqual(tension);
  });

  it('a loaded framework (with its path) passes checkFramework, as the analysis calls it', () => {
    expect(checkFramework(fw).id).toBe('default');
  });
});

describe('broken frameworks are reported field by field (exit 3)', () => {
  it('schema errors name each failing field', () => {
    const bad = defaultJson();
    const inds = bad.indicators as Record<string, unknown>[];
    inds[0] = { ...inds[0], direction: 0 };
    inds[1] = { ...inds[1], label: { zh: '增长' } };
    inds[2] = { ...inds[2], compute: { kind: 'median_of_everything' } };
    inds[3] = { ...inds[3], compute: { kind: 'mean_per_org' } };
    inds[4] = { ...inds[4], layer: 'impact', colour: 'red' };
    const e = caught(() => loadFramework(write('bad.json', bad)));
    expect(e.code).toBe('E_CONFIG_SCHEMA');
    expect(e.exitCode).toBe(EXIT.BAD_OPTIONS);
    expect(e.message).toContain('/indicators/0/direction must be equal to one of the allowed values');
    expect(e.message).toContain("/indicators/1/label must have required property 'en'");
    expect(e.message).toContain('/indicators/2/compute/kind must be equal to one of the allowed values');
    expect(e.message).toContain("/indicators/3/compute must have required property 'field'");
    expect(e.message).toContain('/indicators/4/layer must be equal to one of the allowed values');
    expect(e.message).toContain('/indicators/4 must NOT have additional properties (colour)');
  });

  it('consistency errors: duplicate id, undeclared layer, unknown field, misplaced count', () => {
    const bad = defaultJson();
    const inds = bad.indicators as Record<string, unknown>[];
    bad.layers = (bad.layers as { id: string }[]).filter((l) => l.id !== 'output');
    inds[1] = { ...inds[1], id: 'orgs_per_10k' };
    inds[3] = { ...inds[3], compute: { kind: 'mean_per_org', field: 'staf_fulltime' } };
    inds[4] = { ...inds[4], compute: { kind: 'ratio_of_sums', numerator: ['count'], denominator: ['staff_fulltime'] } };
    const e = caught(() => loadFramework(write('inconsistent.json', bad)));
    expect(e.code).toBe('E_FRAMEWORK_INVALID');
    expect(e.exitCode).toBe(EXIT.BAD_OPTIONS);
    expect(e.message).toContain('/indicators/1/id: indicator id orgs_per_10k is used twice');
    expect(e.message).toContain('/indicators/3/compute/field: unknown field "staf_fulltime"');
    expect(e.message).toContain('/indicators/4/compute/numerator/0: unknown field "count" (count is allowed only');
    expect(e.message).toMatch(/\/indicators\/16\/layer: layer output is not declared/);
  });

  it('not JSON and missing file are config errors too', () => {
    expect(caught(() => loadFramework(write('broken.json', '{ "id": '))).code).toBe('E_CONFIG_JSON');
    expect(caught(() => loadFramework(join(dir, 'nope.json'))).code).toBe('E_UNKNOWN_FRAMEWORK');
  });

  it('checkFramework reports an object given by a library caller the same way', () => {
    const e = caught(() => checkFramework({ id: 'x', layers: [], indicators: [] }));
    expect(e.code).toBe('E_CONFIG_SCHEMA');
    expect(e.message).toContain('/layers must NOT have fewer than 1 items');
    expect(e.message).toContain('/indicators must NOT have fewer than 1 items');
  });
});
