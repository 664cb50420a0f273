import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRules, loadRules } from '../../../src/ingest/rules/load-rules.js';
import { RULE_IDS } from '../../../src/domain/rules/rules.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

const dir = mkdtempSync(join(tmpdir(), 'soqa-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isSoqaError(e)) return `${e.code} ${e.exitCode}`;
    throw e;
  }
  return 'no error';
};

describe('rules file (config/rules/default.json, schemas/rules.schema.json)', () => {
  it('the default file has the nine rules of the issue, each with severity and an action class it declares', () => {
    const r = loadRules();
    expect(r.rules.map((x) => x.id)).toEqual([...RULE_IDS]);
    for (const x of r.rules) expect(Object.keys(r.actions)).toContain(x.action);
    expect(Object.keys(r.actions)).toEqual(['interview', 'inspection', 'report_reminder', 'data_check']);
    expect(r.path).toMatch(/config[/\\]rules[/\\]default\.json$/);
  });
  it('a bureau file with other thresholds loads by path', () => {
    const r = loadRules();
    const d = r.rules.find((x) => x.id === 'dormant')!;
    if (d.id === 'dormant') d.params.minYears = 3;
    const path = join(dir, 'bureau.json');
    writeFileSync(path, JSON.stringify({ ...r, path: undefined }));
    const back = loadRules(path);
    expect(back.rules.find((x) => x.id === 'dormant')!.params).toEqual({ minYears: 3 });
  });
  it('rejects unknown names (E_UNKNOWN_RULES), schema errors (E_CONFIG_SCHEMA) and inconsistencies (E_RULES_INVALID), all exit 3', () => {
    expect(codeOf(() => loadRules('no-such-rules'))).toBe('E_UNKNOWN_RULES 3');
    const base = loadRules();
    delete base.path;
    const badParam = structuredClone(base);
    (badParam.rules[0].params as Record<string, unknown>).minYears = 'two';
    expect(codeOf(() => checkRules(badParam))).toBe('E_CONFIG_SCHEMA 3');
    const extraParam = structuredClone(base);
    (extraParam.rules[3].params as Record<string, unknown>).minShare = 0.5;
    expect(codeOf(() => checkRules(extraParam))).toBe('E_CONFIG_SCHEMA 3');
    const badAction = structuredClone(base);
    badAction.rules[0].action = 'phone_call';
    expect(codeOf(() => checkRules(badAction))).toBe('E_RULES_INVALID 3');
    const twice = structuredClone(base);
    twice.rules.push(structuredClone(twice.rules[0]));
    expect(codeOf(() => checkRules(twice))).toBe('E_RULES_INVALID 3');
    const bands = structuredClone(base);
    bands.grades.bands = { A: 40, B: 50 };
    expect(codeOf(() => checkRules(bands))).toBe('E_RULES_INVALID 3');
    const field = structuredClone(base);
    field.transparency.fields.push('name');
    expect(codeOf(() => checkRules(field))).toBe('E_RULES_INVALID 3');
  });
});
