/**
 * The ajv options every schema in `schemas/` is compiled with, at run time
 * (`schemaValidator`) and at build time (`scripts/build-validators.mjs`, which writes the
 * precompiled validators): one definition so the two cannot differ.
 *
 * @example
 * new Ajv(SCHEMA_AJV_OPTIONS).compile(schema);
 */
export const SCHEMA_AJV_OPTIONS = { allErrors: true, strict: false } as const;
