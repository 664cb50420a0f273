import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  creditCodeCheckChar,
  creditCodeTypeOf,
  orgCodeCheckChar,
  CREDIT_CODE_ALPHABET,
} from '../../../src/domain/credit-code/index.js';
import { isSoqaError } from '../../../src/core/soqa-error.js';

// DOMAIN.md, "Unified social credit code (统一社会信用代码, GB 32100-2015)": "Checked on real
// codes: 9144030071526726XG, 91330100716105852F, 91110000802100433B, 91110108551385082Q are
// all valid."
const REAL_VALID = ['9144030071526726XG', '91330100716105852F', '91110000802100433B', '91110108551385082Q'];

describe('checkCreditCode', () => {
  it.each(REAL_VALID)('accepts the real code %s quoted in DOMAIN.md', (code) => {
    const r = checkCreditCode(code);
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.lowercase).toBe(false);
    expect(r.normalized).toBe(code);
    // DOMAIN.md: char 1 authority, char 2 type, chars 3–8 division
    expect(r.authority).toBe('9');
    expect(r.typeDigit).toBe('1');
    expect(r.division).toBe(code.slice(2, 8));
  });

  it('reports a changed check character (char 18) with the expected one', () => {
    // DOMAIN.md: char 18 = 31 − (Σ mod 31) over chars 1–17; the real code ends in G
    const r = checkCreditCode('9144030071526726XA');
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([{ kind: 'check-char', found: 'A', expected: 'G' }]);
  });

  it('reports a disallowed character (DOMAIN.md: no I, O, Z, S, V)', () => {
    const r = checkCreditCode('9144030I71526726XG');
    expect(r.valid).toBe(false);
    expect(r.problems).toEqual([{ kind: 'character', position: 8, found: 'I' }]);
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) expect(CREDIT_CODE_ALPHABET).not.toContain(bad);
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
  });

  it('reports a wrong length', () => {
    expect(checkCreditCode('9144030071526726X').problems).toEqual([{ kind: 'length', found: 17, expected: 18 }]);
    expect(checkCreditCode('9144030071526726XGG').problems).toEqual([{ kind: 'length', found: 19, expected: 18 }]);
    expect(checkCreditCode('').valid).toBe(false);
    expect(checkCreditCode('').problems).toEqual([{ kind: 'length', found: 0, expected: 18 }]);
  });

  it('accepts lower-case letters with a warning, not a problem', () => {
    const r = checkCreditCode('9144030071526726xg');
    expect(r.valid).toBe(true);
    expect(r.lowercase).toBe(true);
    expect(r.warnings).toEqual([{ kind: 'lowercase' }]);
    expect(r.problems).toEqual([]);
    expect(r.normalized).toBe('9144030071526726XG');
  });

  it('ignores surrounding white space', () => {
    expect(checkCreditCode('  91110108551385082Q \t').valid).toBe(true);
  });

  it('reports a broken organization-code check (GB 11714, char 17)', () => {
    // DOMAIN.md: chars 9–17 are the organization code whose 9th char is its own check;
    // 71526726 → X. Replacing X with 3 breaks both checks.
    const r = checkCreditCode('91440300715267263G');
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual({ kind: 'org-check', found: '3', expected: 'X' });
    expect(r.problems.some((p) => p.kind === 'check-char' && p.found === 'G')).toBe(true);
  });

  it('does not compute checksums it cannot (bad characters)', () => {
    const r = checkCreditCode('9144O30071526726XG');
    expect(r.problems).toEqual([{ kind: 'character', position: 5, found: 'O' }]);
  });
});

describe('check characters', () => {
  it.each(REAL_VALID)('creditCodeCheckChar reproduces char 18 of %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(REAL_VALID)('orgCodeCheckChar reproduces char 17 of %s', (code) => {
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  });

  it('maps 10 to X and 11 to 0 (DOMAIN.md)', () => {
    expect(orgCodeCheckChar('71526726')).toBe('X');
    // find bodies with remainder 0 (c = 11 → "0")
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });

  it('check char of a built civil-affairs code makes a valid code', () => {
    const body = 'MJ012345';
    const first17 = '51150100' + body + orgCodeCheckChar(body);
    const code = first17 + creditCodeCheckChar(first17);
    expect(checkCreditCode(code).valid).toBe(true);
  });

  it('throws SoqaError on malformed input', () => {
    for (const f of [
      () => creditCodeCheckChar('123'),
      () => creditCodeCheckChar('9144030I71526726X'),
      () => orgCodeCheckChar('1234567'),
      () => orgCodeCheckChar('1234567a'),
    ]) {
      try {
        f();
        expect.unreachable();
      } catch (e) {
        expect(isSoqaError(e)).toBe(true);
      }
    }
  });
});

describe('creditCodeTypeOf', () => {
  it('maps char 2 of civil-affairs codes (char 1 = 5)', () => {
    // DOMAIN.md: char 2: 1 social group, 2 private non-enterprise unit, 3 foundation, 9 other
    expect(creditCodeTypeOf('51150100MJ0000018C')).toBe('social_group');
    expect(creditCodeTypeOf('52150600MJ0000018C')).toBe('private_non_enterprise');
    expect(creditCodeTypeOf('53150100MJ0000018C')).toBe('foundation');
    expect(creditCodeTypeOf('59150100MJ0000018C')).toBe('other');
    expect(creditCodeTypeOf('54150100MJ0000018C')).toBeUndefined();
    expect(creditCodeTypeOf(' 52150600mj0000018c ')).toBe('private_non_enterprise');
  });

  it('returns undefined for other authorities', () => {
    expect(creditCodeTypeOf('9144030071526726XG')).toBeUndefined();
    expect(creditCodeTypeOf('5')).toBeUndefined();
  });
});
