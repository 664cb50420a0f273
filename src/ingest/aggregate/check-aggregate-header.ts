import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { withHint } from '../header/judge-header.js';
import type { Profile } from '../profile/profile.js';
import type { SourceInfo } from '../read-source.js';
import { mapAggregateHeader, type AggregateHeader } from './map-aggregate-header.js';

/**
 * Check an aggregated table's header mapping: duplicate columns, a layout both long and
 * wide, missing columns, units that contradict their column.
 *
 * @param h the mapping
 * @param headers the header cells
 * @param info the source (its name and encoding go into the messages)
 * @throws SoqaError E_DUPLICATE_COLUMN, E_AGGREGATE_LAYOUT, E_MISSING_COLUMN, E_UNIT_MISMATCH (exit 2)
 * @example
 * checkHeader(mapAggregateHeader(['地区', '年份', '社会团体'], profile), ['地区', '年份', '社会团体'], info); // passes
 */
export function checkHeader(h: AggregateHeader, headers: string[], info: SourceInfo): void {
  if (h.duplicates.length)
    throw new SoqaError('E_DUPLICATE_COLUMN', msg.duplicateColumn(info.name, h.duplicates), {
      file: info.name,
    });
  if (h.layoutConflict.length)
    throw new SoqaError(
      'E_AGGREGATE_LAYOUT',
      msg.aggregateLayoutConflict(
        info.name,
        h.layoutConflict,
        h.typeColumns.map((c) => headers[c.index]),
      ),
      { file: info.name },
    );
  if (h.missingRequired.length)
    throw new SoqaError(
      'E_MISSING_COLUMN',
      msg.aggregateMissingColumn(info.name, h.missingRequired, headers, {
        encoding: info.encoding,
        garbled: info.replacementChars > 0,
      }),
      { file: info.name, column: h.missingRequired[0] },
    );
  if (h.units.conflicts.length)
    throw new SoqaError('E_UNIT_MISMATCH', msg.unitMismatch(info.name, h.units.conflicts), {
      file: info.name,
      column: h.units.conflicts[0].header,
    });
}

/**
 * No row of an aggregated table could be its header: throw the closest row's own error,
 * with the rows tried and the `--header-row` hint.
 *
 * @param best the closest row, or null when every row was blank
 * @param hint the text to add to a missing column's message
 * @param profile the input profile
 * @param info the source
 * @throws SoqaError always
 */
export function aggregateHeaderFailed(best: string[] | null, hint: string, profile: Profile, info: SourceInfo): never {
  if (best === null) throw new SoqaError('E_EMPTY_INPUT', msg.emptyInput(info.name), { file: info.name });
  try {
    checkHeader(mapAggregateHeader(best, profile), best, info);
  } catch (e) {
    throw withHint(e, hint);
  }
  throw new SoqaError('E_MISSING_COLUMN', `${info.name}: no header found.${hint}`, {
    file: info.name,
  });
}
