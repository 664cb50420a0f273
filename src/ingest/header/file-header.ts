import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';
import { planDerivedFields, withDerivedFields, type DerivedField } from '../derive/plan-derived-fields.js';
import type { Profile } from '../profile/profile.js';
import type { SourceInfo } from '../read-source.js';
import { mapHeaders, type HeaderMapping } from './map-headers.js';
import type { Unit } from './header-unit.js';
import { detachString } from '../../dataset/dataset-builder.js';

/**
 * Map an input file's header row through the profile, add the fields the profile derives
 * from other cells, and check that the file can be read as organization rows.
 *
 * @param headers the header cells
 * @param profile the input profile
 * @param source.info the source (its name and encoding go into the messages)
 * @param source.path the path as given (for the error's file)
 * @param lineUnit the unit of the table's unit line (`单位：万元`), if any
 * @returns the mapping (derived fields included) and the derivation plan
 * @throws SoqaError E_DUPLICATE_COLUMN, E_BINARY_INPUT, E_MISSING_COLUMN, E_UNIT_MISMATCH (exit 2)
 * @example
 * fileHeader(['org_id', 'name', 'type', 'region'], profile, { info, path: 'a.csv' }).header.present; // => ['org_id', 'name', 'type', 'region']
 */
export function fileHeader(
  headers: string[],
  profile: Profile,
  { info, path }: { info: SourceInfo; path: string },
  lineUnit: Unit | null = null,
): { header: HeaderMapping; derived: DerivedField[] } {
  // the cells are slices of the file's first text chunk: copies, so that the header does not keep the chunk alive
  headers = headers.map(detachString);
  const mapped = mapHeaders(headers, profile, lineUnit);
  const derived = planDerivedFields(profile, headers, mapped);
  const header = withDerivedFields(mapped, derived, headers);
  checkHeader(header, headers, info, path);
  return { header, derived };
}

function checkHeader(h: HeaderMapping, headers: string[], info: SourceInfo, path: string): void {
  if (h.duplicates.length)
    throw new SoqaError('E_DUPLICATE_COLUMN', msg.duplicateColumn(info.name, h.duplicates), {
      file: path,
    });
  // eslint-disable-next-line no-control-regex
  if (h.missingRequired.length && headers.some((c) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(c)))
    throw new SoqaError('E_BINARY_INPUT', msg.binaryInput(info.name, info.encoding), {
      file: path,
      line: 1,
    });
  if (h.units.conflicts.length)
    throw new SoqaError('E_UNIT_MISMATCH', msg.unitMismatch(info.name, h.units.conflicts), {
      file: path,
      column: h.units.conflicts[0].header,
    });
  if (h.missingRequired.length)
    throw new SoqaError(
      'E_MISSING_COLUMN',
      msg.missingColumn(info.name, h.missingRequired, headers, {
        encoding: info.encoding,
        garbled: info.replacementChars > 0 || info.detected !== undefined,
      }),
      { file: path, column: h.missingRequired[0] },
    );
}
