/** Severity of a logged message. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One logged entry; `code` is a stable warning code such as `W_CODE_CHECKSUM`. */
export interface LogEntry {
  level: LogLevel;
  code: string;
  message: string;
}

/** Where log entries go. The CLI writes to stderr; tests keep them in memory. */
export interface Logger {
  log(level: LogLevel, code: string, message: string): void;
  warn(code: string, message: string): void;
  info(code: string, message: string): void;
  /** Everything logged so far (kept for tests and for results.json). */
  readonly entries: readonly LogEntry[];
}

/**
 * Make a logger that remembers every entry and optionally forwards it to a sink.
 *
 * @param sink called for each entry (default: none, entries are only kept)
 * @returns a logger whose `entries` tests can read
 * @example
 * const log = createLogger();
 * log.warn('W_X', 'something');
 * log.entries.length; // => 1
 */
export function createLogger(sink?: (entry: LogEntry) => void): Logger {
  const entries: LogEntry[] = [];
  const log = (level: LogLevel, code: string, message: string): void => {
    const entry = { level, code, message };
    entries.push(entry);
    sink?.(entry);
  };
  return {
    log,
    warn: (code, message) => log('warn', code, message),
    info: (code, message) => log('info', code, message),
    entries,
  };
}

/** A logger that keeps entries and prints nothing: the default for library calls. */
export const silentLogger = (): Logger => createLogger();
