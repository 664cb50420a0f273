/** What cleaning an id removed or changed (each kind is a warning of its own). */
export type IdArtefact = 'formula' | 'apostrophe' | 'invisible' | 'spaces' | 'fullwidth';

/** Warning code per kind of id artefact. */
export const ID_ARTEFACT_CODES: Readonly<Record<IdArtefact, string>> = {
  formula: 'W_ID_FORMULA',
  apostrophe: 'W_ID_APOSTROPHE',
  invisible: 'W_ID_INVISIBLE',
  spaces: 'W_ID_SPACES',
  fullwidth: 'W_ID_FULLWIDTH',
};

/** What the warning of each kind says. */
export const ID_ARTEFACT_REASONS: Readonly<Record<IdArtefact, string>> = {
  formula:
    'is wrapped in a spreadsheet formula ="…" (written to keep Excel from turning it into a number); read without it',
  apostrophe: "starts with an apostrophe (Excel's text marker); read without it",
  invisible: 'contains zero-width characters or no-break spaces; read without them',
  spaces: 'has spaces around or inside it; read without them',
  fullwidth: 'has full-width letters or digits; read as ASCII',
};

// zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen; no-break spaces
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u202f\u2007]/g;
const FULLWIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

const ORDER: readonly IdArtefact[] = ['formula', 'apostrophe', 'invisible', 'spaces', 'fullwidth'];

/**
 * Clean an id cell of what spreadsheets and web exports add around it: a formula wrapper
 * `="…"`, a leading apostrophe, zero-width characters and no-break spaces, white space
 * (around or inside), full-width letters and digits (NFKC). Case is left alone (credit codes
 * are upper-cased by their own check, W_CODE_LOWERCASE).
 *
 * @param raw the cell as read
 * @returns the cleaned id and the kinds of artefact found (in a fixed order)
 * @example
 * cleanId("'52150000MJ0000000X"); // => { value: '52150000MJ0000000X', artefacts: ['apostrophe'] }
 */
export function cleanId(raw: string): { value: string; artefacts: IdArtefact[] } {
  const found = new Set<IdArtefact>();
  let t = raw;
  const trim = (): void => {
    const u = t.trim();
    if (u !== t) found.add('spaces');
    t = u;
  };
  if (t.search(INVISIBLE) >= 0) {
    found.add('invisible');
    t = t.replace(INVISIBLE, '');
  }
  trim();
  const formula = /^=\s*"(.*)"$/s.exec(t);
  if (formula) {
    found.add('formula');
    t = formula[1];
    trim();
  }
  if (t.startsWith("'")) {
    found.add('apostrophe');
    t = t.slice(1);
    trim();
  }
  if (FULLWIDTH.test(t)) found.add('fullwidth');
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(t)) t = t.normalize('NFKC');
  if (/\s/.test(t)) {
    found.add('spaces');
    t = t.replace(/\s+/g, '');
  }
  return { value: t, artefacts: ORDER.filter((k) => found.has(k)) };
}
