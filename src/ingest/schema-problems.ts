import type { ErrorObject } from 'ajv';

/** A JSON pointer (`/analyses/spatial/byYear/0`) as a path a reader knows (`analyses.spatial.byYear[0]`). */
function jsonPath(pointer: string): string {
  if (pointer === '') return '(the top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out === '' ? p : `${out}.${p}`), '');
}

/** The value at a JSON pointer of `data` (undefined when there is none). */
function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const p of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/** What a value is, for "found …": its JSON type and, when short, the value itself. */
function found(v: unknown): string {
  const type =
    v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
  if (v === null || typeof v === 'object') return type;
  const text = JSON.stringify(v);
  return text.length <= 40 ? `${type} (${text})` : type;
}

/** What the schema expected, in words. */
function expected(e: ErrorObject, data: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `expected ${String(p.type).split(',').join(' or ')}, found ${found(valueAt(data, e.instancePath))}`;
    case 'required':
      return `the property "${String(p.missingProperty)}" is missing`;
    case 'additionalProperties':
      return `has a property the schema does not know: "${String(p.additionalProperty)}"`;
    case 'enum':
      return `expected one of ${JSON.stringify(p.allowedValues)}, found ${found(valueAt(data, e.instancePath))}`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}, found ${found(valueAt(data, e.instancePath))}`;
    default:
      return `${e.message ?? e.keyword}, found ${found(valueAt(data, e.instancePath))}`;
  }
}

/** Whether `path` is `under` or inside it. */
const within = (path: string, under: string): boolean => path === under || path.startsWith(`${under}/`);

/**
 * The schema errors of a JSON document as lines a reader can act on: the JSON path, then
 * what was expected and what was found. The most specific errors are kept: an anyOf or
 * if/then failure, or a "must be null" of a `T | null` property, is dropped when a more
 * precise error at or below the same path says what is wrong.
 *
 * @param errors ajv's errors (`validate.errors`, with `allErrors`)
 * @param data the validated document
 * @param max the most lines to return (default 8); a last line says how many more there are
 * @returns one line per problem, e.g. `analyses.spatial.byYear: expected array, found a string ("x")`
 * @example
 * schemaProblems(validate.errors ?? [], data); // => ['analyses.staff.byYear[0].all: expected object, found a number (7)']
 */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown, max = 8): string[] {
  const vague = (e: ErrorObject): boolean =>
    e.keyword === 'anyOf' || e.keyword === 'if' || (e.keyword === 'type' && e.params.type === 'null');
  const kept = errors.filter(
    (e) => !vague(e) || !errors.some((o) => o !== e && !vague(o) && within(o.instancePath, e.instancePath)),
  );
  const lines = [...new Set(kept.map((e) => `${jsonPath(e.instancePath)}: ${expected(e, data)}`))];
  return lines.length > max ? [...lines.slice(0, max), `… and ${lines.length - max} more`] : lines;
}
