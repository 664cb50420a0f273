/**
 * Check emitted Vega-Lite specs against the official Vega-Lite JSON schema.
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/** Result of {@link validateSpec}. */
export interface SpecValidation {
  /** True when the spec conforms to the Vega-Lite schema. */
  valid: boolean;
  /** One line per problem, `"<JSON pointer>: <message>"`; empty when valid. */
  errors: string[];
}

let validator: ValidateFunction | undefined;

/** Compile the schema on first use only (about 3 s; the schema is 1.9 MB). */
function getValidator(): ValidateFunction {
  if (validator) return validator;
  // the schema ships inside the vega-lite package (exported as vega-lite/vega-lite-schema.json)
  const schema = createRequire(import.meta.url)('vega-lite/vega-lite-schema.json') as object;
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: false });
  // formats the schema names; ajv-formats is not a dependency, so define them here
  ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  ajv.addFormat('uri', true);
  ajv.addFormat('uri-reference', true);
  validator = ajv.compile(schema);
  return validator;
}

/**
 * Validate a Vega-Lite spec against the JSON schema of the installed vega-lite version
 * (`vega-lite/build/vega-lite-schema.json`, draft-07) with ajv. The validator is
 * compiled once per process, on the first call.
 *
 * @param spec a Vega-Lite spec (any value; non-objects are simply invalid)
 * @returns `{ valid, errors }`; `errors` lists the first problems ajv found (the schema
 *   is a large `anyOf`, so the list is a hint where to look, not a complete diagnosis)
 * @example
 * const { valid, errors } = validateSpec(typeMixAreaSpec(rows, { lang: 'en', title: 'Growth' }));
 * if (!valid) console.error(errors.join('\n'));
 */
export function validateSpec(spec: unknown): SpecValidation {
  const validate = getValidator();
  if (validate(spec)) return { valid: true, errors: [] };
  const errors = [
    ...new Set((validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`)),
  ];
  return { valid: false, errors };
}
