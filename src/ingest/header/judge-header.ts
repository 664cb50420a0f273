import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { mapAggregateHeader } from '../aggregate/map-aggregate-header.js';
import { planDerivedFields, withDerivedFields } from '../derive/plan-derived-fields.js';
import type { Profile } from '../profile/profile.js';
import type { SourceInfo } from '../read-source.js';
import { fileHeader } from './file-header.js';
import { mapHeaders } from './map-headers.js';
import type { HeaderJudgement } from './table-finder.js';

/**
 * How well a row would do as the header of an organization list or panel: usable when it
 * maps every required column (derived fields count), scored by the columns it maps.
 *
 * @param cells the row
 * @param profile the input profile
 * @returns the judgement
 * @example
 * judgeOrganizationHeader(['org_id', 'name', 'type', 'region', 'registered'], profile).ok; // => true
 */
export function judgeOrganizationHeader(cells: string[], profile: Profile): HeaderJudgement {
  const mapped = mapHeaders(cells, profile);
  const h = withDerivedFields(mapped, planDerivedFields(profile, cells, mapped), cells);
  return { ok: h.missingRequired.length === 0, score: h.present.length };
}

/**
 * How well a row would do as the header of an aggregated (yearbook) table: region, year and
 * a type column with a count, or per-type count columns, and no organization id or name.
 *
 * @param cells the row
 * @param profile the input profile
 * @returns the judgement
 * @example
 * judgeAggregateHeader(['地区', '年份', '社会团体', '基金会'], profile).ok; // => true
 */
export function judgeAggregateHeader(cells: string[], profile: Profile): HeaderJudgement {
  const h = mapAggregateHeader(cells, profile);
  const rows = h.rowColumns.includes('org_id') || h.rowColumns.includes('name');
  const ok = !rows && h.missingRequired.length === 0 && (h.count >= 0 || h.typeColumns.length > 0);
  return { ok, score: h.present.length };
}

/**
 * Either kind of header (the input's kind is not known yet).
 *
 * @param cells the row
 * @param profile the input profile
 * @returns the better judgement
 */
export function judgeAnyHeader(cells: string[], profile: Profile): HeaderJudgement {
  const a = judgeOrganizationHeader(cells, profile);
  if (a.ok) return a;
  const b = judgeAggregateHeader(cells, profile);
  return b.ok || b.score > a.score ? b : a;
}

/**
 * No row of an organization list could be its header: throw the header checks' own error
 * for the row that came closest (E_MISSING_COLUMN, E_BINARY_INPUT…), with the rows tried
 * and the `--header-row` hint added to a missing column's message.
 *
 * @param best the closest row, or null when every row was blank
 * @param hint text to add to the message
 * @param setup the source and profile
 * @throws SoqaError always
 */
export function organizationHeaderFailed(
  best: string[] | null,
  hint: string,
  setup: { profile: Profile; info: SourceInfo; path: string },
): never {
  const { info, path, profile } = setup;
  if (best === null) throw new SoqaError('E_EMPTY_INPUT', msg.emptyInput(info.name), { file: info.name });
  try {
    fileHeader(best, profile, { info, path });
  } catch (e) {
    throw withHint(e, hint);
  }
  throw new SoqaError('E_MISSING_COLUMN', `${info.name}: no header found.${hint}`, {
    file: path,
  });
}

/**
 * A missing-column error with the header search's hint added (other errors unchanged).
 *
 * @param e the error thrown by a header check
 * @param hint the text to add
 * @returns the error to throw
 */
export function withHint(e: unknown, hint: string): unknown {
  if (!(e instanceof SoqaError) || e.code !== 'E_MISSING_COLUMN' || !hint) return e;
  return new SoqaError(e.code, e.message + hint, e.location);
}
