/**
 * soqa's programmatic API: the pipeline of `soqa analyze` and the rendering of `soqa
 * report`, as functions that print nothing and throw typed errors (docs/API.md).
 */
export { analyze } from './analyze.js';
export type { AnalyzeOptions, AnalyzeOutput } from './analyze.js';
export { render } from './render.js';
export type { RenderOptions, RenderOutput } from './render.js';
export type { Problem } from './problem-sink.js';
export type { InputRow } from './input-file.js';
export type { Format } from './api-options.js';
