// Every `@example` in src/measures is run: a line `expr; // => value` (or `expr;` followed by a
// line `// => value`) asserts that expr equals value. The expected values are those the JSDoc
// states (written from the method's definition or its reference package, see each function's
// test); this test only keeps the documentation from going stale. A value that is prose, not
// a JavaScript literal ("a permutation of [1, 2, 3]"), is only run, not compared.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MEASURES = join(ROOT, 'src', 'measures');

/** Every .ts file under a folder. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Check {
  expr: string;
  expected: string;
}

interface Example {
  file: string;
  line: number;
  /** lines of code run before and between the checks */
  steps: (string | Check)[];
}

/** The @example blocks of one source file. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* @example\s*$/.test(lines[i])) continue;
    const ex: Example = { file, line: i + 1, steps: [] };
    for (let j = i + 1; j < lines.length && /^\s*\*(?!\/)/.test(lines[j]); j++) {
      const text = lines[j].replace(/^\s*\* ?/, '');
      if (text.startsWith('@')) break;
      const arrow = text.indexOf('// =>');
      if (arrow === 0) {
        // value on its own line: it belongs to the previous code line
        const prev = ex.steps.pop();
        if (typeof prev !== 'string') throw new Error(`${file}:${j + 1}: "// =>" without an expression before it`);
        ex.steps.push({ expr: prev.replace(/;\s*$/, ''), expected: text.slice(5).trim() });
      } else if (arrow > 0) {
        ex.steps.push({
          expr: wholeExpression(ex.steps, text.slice(0, arrow)),
          expected: text.slice(arrow + 5).trim(),
        });
      } else if (text.trim() !== '') ex.steps.push(text);
    }
    out.push(ex);
  }
  return out;
}

/** Whether a JavaScript expression parses. */
function parses(expr: string): boolean {
  try {
    new Function(`return (${expr});`);
    return true;
  } catch {
    return false;
  }
}

/** The expression that ends on this line, taking back earlier code lines it continues. */
function wholeExpression(steps: (string | Check)[], tail: string): string {
  let expr = tail.trim().replace(/;\s*$/, '');
  while (!parses(expr) && typeof steps[steps.length - 1] === 'string') expr = `${steps.pop()}\n${expr}`;
  return expr;
}

/** The expected value as a JavaScript value, or undefined when it is prose. */
function literal(expected: string): { value: unknown } | undefined {
  for (const text of [expected, expected.replace(/\s*\([^()]*\)\s*$/, '')]) {
    try {
      return { value: new Function(`return (${text});`)() };
    } catch {
      // not a literal as written: try without a trailing "(comment)", then give up
    }
  }
  return undefined;
}

const files = tsFiles(MEASURES);
const scope: Record<string, unknown> = {};
for (const f of files) Object.assign(scope, await import(pathToFileURL(f).href));
const names = Object.keys(scope);

describe('JSDoc @example results in src/measures', () => {
  const examples = files.flatMap(examplesOf);

  it('finds the examples (every public measure has one)', () => {
    expect(examples.length).toBeGreaterThan(40);
  });

  for (const ex of examples) {
    const where = `${relative(ROOT, ex.file)}:${ex.line}`;
    it(where, () => {
      const checks: { check: Check; got: unknown }[] = [];
      const code = ex.steps.map((s, k) => (typeof s === 'string' ? s : `__got(${k}, (${s.expr}));`)).join('\n');
      const got = (k: number, v: unknown) => checks.push({ check: ex.steps[k] as Check, got: v });
      new Function('__got', ...names, code)(got, ...names.map((n) => scope[n]));
      expect(checks.length, `${where}: no "// =>" line`).toBeGreaterThan(0);
      for (const { check, got: value } of checks) {
        const want = literal(check.expected);
        if (want) expect(value, `${where}: ${check.expr}`).toEqual(want.value);
      }
    });
  }
});
