import { SoqaError } from '../../core/soqa-error.js';
import { badOption } from '../../core/messages/index.js';
import { normalizeText } from '../../domain/normalize-text.js';
import { loadChinaGazetteer } from './load-china-gazetteer.js';
import type { RegionsFile } from '../../domain/regions/regions.js';

/**
 * Narrow a regions file to the units of one province (`--within 广东省`, `--within 广东`
 * or `--within 440000`): the units whose `province` (else the first two digits of the code)
 * is that province, with neighbour lists cut to the units kept. Rows of other provinces
 * are then rejected as outside the file. The file keeps its id and records `within`.
 *
 * @param file a regions file with province codes (china-prefectures, china-counties)
 * @param spec province code, name or short name
 * @returns the narrowed file
 * @throws SoqaError E_BAD_OPTION (exit 3) when the spec names no province, or no unit of the file lies in it
 * @example
 * withinProvince(prefectures, '广东省').regions.length; // => 21
 */
export function withinProvince(file: RegionsFile, spec: string): RegionsFile {
  const t = normalizeText(spec);
  const g = loadChinaGazetteer();
  const code = /^\d{2}0000$/.test(t)
    ? t
    : (g.byName.get(t) ?? g.byName.get(t.replace(/(省|市|自治区)$/, '')) ?? []).find((c) => c.endsWith('0000'));
  const provinceOf = (r: RegionsFile['regions'][number]) => r.province ?? `${r.code.slice(0, 2)}0000`;
  const kept = code ? file.regions.filter((r) => provinceOf(r) === code && r.code !== code) : [];
  if (!code || !kept.length)
    throw new SoqaError(
      'E_BAD_OPTION',
      badOption(
        '--within',
        spec,
        code
          ? `a province with units in the regions file ${file.id} (it has none in ${code})`
          : 'a province: its 6-digit code (440000) or name (广东省, 广东)',
      ),
    );
  const keep = new Set(kept.map((r) => r.code));
  return {
    ...file,
    within: code,
    regions: kept.map((r) => (r.neighbours ? { ...r, neighbours: r.neighbours.filter((n) => keep.has(n)) } : r)),
  };
}
