/**
 * Every user-facing error, warning and note soqa prints, by stage (report prose lives next to
 * the analysis that writes it). Each function returns the full text; the caller attaches the
 * code (core/error-codes.ts gives its exit status).
 */
export type { Lang } from '../lang.js';
export * from './common.js';
export * from './config.js';
export * from './ingest.js';
export * from './cli.js';
export * from './render.js';
export * from './results.js';
export * from './indicators.js';
export * from './spatial.js';
export * from './tension.js';
export * from './supervision.js';
export * from './xlsx.js';
export * from './credit-code.js';
