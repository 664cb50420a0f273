/** One line of rejects.csv or warnings.csv. */
export interface ProblemRow {
  file: string;
  line: number;
  code: string;
  column: string;
  value: string;
  reason: string;
}
