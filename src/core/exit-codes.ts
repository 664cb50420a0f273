/**
 * Process exit codes, documented in README.md ("Exit codes"). Only `bin/` calls
 * `process.exit`; everything else returns or throws one of these through {@link SoqaError}.
 */
export const EXIT = {
  /** Success. */
  OK: 0,
  /** Data-quality findings (validate, or analyze with --strict). */
  FINDINGS: 1,
  /** Unusable input: missing file or column, undecodable bytes, nothing parseable. */
  UNUSABLE_INPUT: 2,
  /** Bad options or configuration file. */
  BAD_OPTIONS: 3,
  /** Internal error: a bug in soqa, please report it. */
  INTERNAL: 4,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
