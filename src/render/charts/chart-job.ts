/**
 * The messages between the chart renderer and its worker threads: one job in, one answer out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SoqaError } from '../../core/soqa-error.js';
import { isErrorCode } from '../../core/error-codes.js';
import type { RenderPngOptions } from './render-png.js';

/** What a chart worker is asked to do: draw a spec as SVG, or rasterise an SVG as PNG. */
export type ChartTask = { kind: 'svg'; spec: TopLevelSpec } | { kind: 'png'; svg: string; fonts: RenderPngOptions };

/** A task with the number its answer will carry. */
export type ChartJob = ChartTask & { id: number };

/** A worker's answer to the job with the same `id`. */
export type ChartJobAnswer =
  | { id: number; svg: string }
  | { id: number; png: Uint8Array }
  | { id: number; error: { message: string; code?: string } };

/**
 * An error as a plain object that can cross a thread boundary (a {@link SoqaError} keeps its
 * code, which sets its exit code).
 *
 * @param e anything thrown
 * @returns message, and the code of a SoqaError
 * @throws nothing
 * @example
 * errorToMessage(new Error('bad spec')); // => { message: 'bad spec' }
 */
export function errorToMessage(e: unknown): { message: string; code?: string } {
  if (e instanceof SoqaError) return { message: e.message, code: e.code };
  return { message: e instanceof Error ? e.message : String(e) };
}

/**
 * The error a worker reported, rebuilt on this side: a SoqaError when it was one, else an Error.
 *
 * @param m what {@link errorToMessage} made of it
 * @returns the error to reject with
 * @throws nothing
 * @example
 * messageToError({ message: 'bad spec' }).message; // => 'bad spec'
 */
export function messageToError(m: { message: string; code?: string }): Error {
  return m.code !== undefined && isErrorCode(m.code) ? new SoqaError(m.code, m.message) : new Error(m.message);
}
