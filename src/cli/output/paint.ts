import { chalkStderr } from 'chalk';

/**
 * Colour for stderr labels (`error`, `warning`) when stderr is a colour terminal; plain
 * text otherwise, in pipes, in CI logs and with NO_COLOR (chalk's own detection).
 *
 * @param level the label
 * @returns the label, coloured when supported
 * @example
 * paintLevel('error'); // => '\u001b[31merror\u001b[39m' on a colour terminal, 'error' in a pipe
 */
export function paintLevel(level: string): string {
  if (level === 'error') return chalkStderr.red.bold(level);
  if (level === 'warn' || level === 'warning') return chalkStderr.yellow('warning');
  return chalkStderr.dim(level);
}
