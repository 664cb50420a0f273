/**
 * The messages between the chart renderer and its worker threads: one job in, one answer out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SoqaError } from '../../core/soqa-error.js';
import type { ExitCode } from '../../core/exit-codes.js';
import type { RenderPngOptions } from './render-png.js';

/** What a chart worker is asked to do: draw a spec as SVG, or rasterise an SVG as PNG. */
export type ChartTask = { kind: 'svg'; spec: TopLevelSpec } | { kind: 'png'; svg: string; fonts: RenderPngOptions };

/** A task with the number its answer will carry. */
export type ChartJob = ChartTask & { id: number };

/** A worker's answer to the job with the same `id`. */
export type ChartJobAnswer =
  | { id: number; svg: string }
  | { id: number; png: Uint8Array }
  | { id: number; error: { message: string; code?: string; exitCode?: ExitCode } };

/**
 * An error as a plain object that can cross a thread boundary (a {@link SoqaError} keeps its
 * code and exit code).
 *
 * @param e anything thrown
 * @returns message, and code and exit code for a SoqaError
 * @throws nothing
 * @example
 * errorToMessage(new Error('bad spec')); // => { message: 'bad spec' }
 */
export function errorToMessage(e: unknown): { message: string; code?: string; exitCode?: ExitCode } {
  if (e instanceof SoqaError) return { message: e.message, code: e.code, exitCode: e.exitCode };
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
export function messageToError(m: { message: string; code?: string; exitCode?: ExitCode }): Error {
  return m.code !== undefined && m.exitCode !== undefined
    ? new SoqaError(m.code, m.message, m.exitCode)
    : new Error(m.message);
}
