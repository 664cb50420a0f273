import { statSync } from 'node:fs';

/** `--stream` values. */
export const STREAM_CHOICES = ['auto', 'always', 'never'] as const;
/** A `--stream` value. */
export type StreamChoice = (typeof STREAM_CHOICES)[number];
/** `--stream auto` streams inputs of this many megabytes or more. */
export const STREAM_AUTO_MB = 64;

/**
 * Whether to stream the organization rows: `always`, or `auto` and standard input (of
 * unknown size) or input files of {@link STREAM_AUTO_MB} MB or more together (a gzip file
 * counts 5 times its size); never the built-in sample. Only annual panels are streamed in the
 * end (a registry list is kept).
 *
 * @param when the `--stream` value
 * @param files the input paths (empty: the built-in sample)
 * @returns whether to hand the rows over in chunks
 * @example
 * shouldStream('auto', ['-']); // => true
 */
export function shouldStream(when: StreamChoice, files: string[]): boolean {
  if (when !== 'auto') return when === 'always';
  if (files.length === 0) return false;
  if (files.includes('-')) return true;
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size * (/\.gz$/i.test(f) ? 5 : 1);
    } catch {
      return false; // the ingest reports the file
    }
  }
  return bytes >= STREAM_AUTO_MB * 1024 * 1024;
}
