import * as msg from '../../core/messages/index.js';
import { SoqaError } from '../../core/soqa-error.js';
import type { ComputeSpec, Framework } from '../../domain/framework/framework.js';
import { knownMeasureFields } from '../../cube/known-measure-fields.js';
import { specFields } from '../../domain/framework/spec-fields.js';
import {
  TENSION_ONLY_KINDS,
  type IndicatorRef,
  type ResolvedIndicator,
  type ResolvedSubsystem,
  type ResolvedTension,
  type SubsystemDef,
  type SubsystemKey,
  type TensionComputeSpec,
  type TensionConfig,
} from './tension-config.js';

/** Default α (and β = 1 − α) when neither the tension nor the block gives one. */
export const DEFAULT_ALPHA = 0.5;

/** The tensions of a framework, resolved, and where they came from. */
export interface FrameworkTensions {
  tensions: ResolvedTension[];
  /** True when the framework has no `"tension"` block and the built-in default's was used. */
  fromDefault: boolean;
  /** The framework whose tension block was used. */
  frameworkId: string;
}

/** True for the kinds only the tension analysis evaluates. */
export const isTensionOnlyKind = (spec: TensionComputeSpec): boolean =>
  (TENSION_ONLY_KINDS as readonly string[]).includes(spec.kind);

const refId = (r: IndicatorRef): string => (typeof r === 'string' ? r : r.id);

/**
 * Resolve the `"tension"` block of a framework: every indicator reference is looked up among
 * the framework's indicators and the block's tension-only indicators, directions and manual
 * weights are taken from the reference when it overrides them, α is set (tension, else block,
 * else 0.5). A framework without a `"tension"` block gets the built-in default framework's
 * tensions (and indicators). Consistency is checked: unique ids, known references, an
 * indicator in at most one subsystem of a tension and once in it, known fields.
 *
 * @param framework a schema-valid framework
 * @param defaultFramework the built-in default framework, whose block serves a framework without one
 * @returns the resolved tensions, whether the default block was used and its framework id
 * @throws SoqaError E_FRAMEWORK_INVALID (exit 3) listing each problem with its JSON pointer
 * @example
 * resolveTensions(loadFramework(), loadFramework()).tensions.map((t) => t.id); // => ['structural', 'adaptive', 'resource']
 */
// eslint-disable-next-line max-lines-per-function -- issue 19 §6, not split yet
export function resolveTensions(framework: Framework, defaultFramework: Framework): FrameworkTensions {
  let fw = framework;
  let fromDefault = false;
  if (fw.tension === undefined) {
    fw = defaultFramework;
    fromDefault = true;
  }
  const block = fw.tension as unknown as TensionConfig;
  const problems: string[] = [];
  const known = new Set(knownMeasureFields());
  const byId = new Map<
    string,
    Omit<ResolvedIndicator, 'direction' | 'weight'> & { direction: 1 | -1; weight?: number }
  >();
  for (const ind of fw.indicators) {
    byId.set(ind.id, {
      id: ind.id,
      label: ind.label,
      layer: ind.layer,
      direction: ind.direction,
      unit: ind.unit,
      weight: ind.weight,
      rationale: ind.rationale,
      compute: ind.compute,
      source: 'framework',
    });
  }
  (block.indicators ?? []).forEach((ind, i) => {
    const at = `/tension/indicators/${i}`;
    if (byId.has(ind.id)) {
      const what =
        byId.get(ind.id)!.source === 'framework' ? 'an indicator of the framework' : 'another tension indicator';
      problems.push(msg.frameworkProblem(`${at}/id`, `indicator id ${ind.id} is already used by ${what}`));
      return;
    }
    if (!isTensionOnlyKind(ind.compute)) {
      for (const { pointer, field, countAllowed } of specFields(ind.compute as ComputeSpec)) {
        if (field === 'count' && countAllowed) continue;
        if (!known.has(field))
          problems.push(
            msg.frameworkProblem(
              `${at}/compute/${pointer}`,
              `unknown field ${JSON.stringify(field)}; use a numeric soqa field (docs/DATA.md) or a derived field`,
            ),
          );
      }
    }
    byId.set(ind.id, {
      id: ind.id,
      label: ind.label,
      layer: ind.layer ?? null,
      direction: ind.direction,
      unit: ind.unit,
      weight: ind.weight,
      rationale: ind.rationale,
      compute: ind.compute,
      source: 'tension',
    });
  });

  const blockAlpha = block.alpha ?? DEFAULT_ALPHA;
  const tensionIds = new Set<string>();
  const tensions: ResolvedTension[] = [];
  block.tensions.forEach((t, k) => {
    const at = `/tension/tensions/${k}`;
    if (tensionIds.has(t.id)) problems.push(msg.frameworkProblem(`${at}/id`, `tension id ${t.id} is used twice`));
    tensionIds.add(t.id);
    const seen = new Map<string, SubsystemKey>();
    const resolve = (key: SubsystemKey, s: SubsystemDef): ResolvedSubsystem => {
      const indicators: ResolvedIndicator[] = [];
      s.indicators.forEach((r, i) => {
        const id = refId(r);
        const where = `${at}/${key}/indicators/${i}`;
        const base = byId.get(id);
        if (!base) {
          problems.push(
            msg.frameworkProblem(
              where,
              `indicator ${id} is neither an indicator of the framework nor one of tension.indicators`,
            ),
          );
          return;
        }
        const other = seen.get(id);
        if (other) {
          problems.push(
            msg.frameworkProblem(
              where,
              other === key
                ? `indicator ${id} is listed twice in ${key}`
                : `indicator ${id} is in both u1 and u2 of tension ${t.id}`,
            ),
          );
          return;
        }
        seen.set(id, key);
        const o: { direction?: 1 | -1; weight?: number } = typeof r === 'string' ? {} : r;
        indicators.push({
          ...base,
          direction: o.direction ?? base.direction,
          ...(o.weight !== undefined ? { weight: o.weight } : base.weight !== undefined ? { weight: base.weight } : {}),
        });
      });
      return { key, id: s.id, label: s.label, rationale: s.rationale ?? null, indicators };
    };
    const u1 = resolve('u1', t.u1);
    const u2 = resolve('u2', t.u2);
    (t.theil ?? []).forEach((r, i) =>
      r.fields.forEach((f, j) => {
        if (!known.has(f))
          problems.push(
            msg.frameworkProblem(
              `${at}/theil/${i}/fields/${j}`,
              `unknown field ${JSON.stringify(f)}; use a numeric soqa field (docs/DATA.md) or a derived field`,
            ),
          );
      }),
    );
    tensions.push({
      id: t.id,
      label: t.label,
      rationale: t.rationale ?? null,
      alpha: t.alpha ?? blockAlpha,
      subsystems: [u1, u2],
      theil: t.theil ?? [],
    });
  });
  if (problems.length) {
    const where = fw.path ?? `framework ${fw.id}`;
    throw new SoqaError('E_FRAMEWORK_INVALID', msg.configSchema(where, 'framework.schema.json', problems), {
      file: where,
    });
  }
  return { tensions, fromDefault, frameworkId: fw.id };
}
