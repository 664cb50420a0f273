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
export function resolveTensions(framework: Framework, defaultFramework: Framework): FrameworkTensions {
  const fromDefault = framework.tension === undefined;
  const fw = fromDefault ? defaultFramework : framework;
  const block = fw.tension as unknown as TensionConfig;
  const known = new Set(knownMeasureFields());
  const table = indicatorTable(fw, block, known);
  const problems = [...table.problems];
  const setup: TensionSetup = { byId: table.byId, known, blockAlpha: block.alpha ?? DEFAULT_ALPHA };
  const tensionIds = new Set<string>();
  const tensions: ResolvedTension[] = [];
  block.tensions.forEach((t, k) => {
    const at = `/tension/tensions/${k}`;
    if (tensionIds.has(t.id)) problems.push(msg.frameworkProblem(`${at}/id`, `tension id ${t.id} is used twice`));
    tensionIds.add(t.id);
    const r = resolveTension(t, at, setup);
    problems.push(...r.problems);
    tensions.push(r.tension);
  });
  if (problems.length) {
    const where = fw.path ?? `framework ${fw.id}`;
    throw new SoqaError('E_FRAMEWORK_INVALID', msg.configSchema(where, 'framework.schema.json', problems), {
      file: where,
    });
  }
  return { tensions, fromDefault, frameworkId: fw.id };
}

/** An indicator a tension can refer to, before a reference overrides its direction or weight. */
type BaseIndicator = Omit<ResolvedIndicator, 'direction' | 'weight'> & { direction: 1 | -1; weight?: number };

/** A problem with an unknown field at `pointer`. */
const unknownField = (pointer: string, field: string): string =>
  msg.frameworkProblem(
    pointer,
    `unknown field ${JSON.stringify(field)}; use a numeric soqa field (docs/DATA.md) or a derived field`,
  );

/**
 * The indicators a tension can refer to, by id: the framework's, then the block's
 * tension-only ones (a repeated id, or a field soqa does not know, is a problem).
 */
function indicatorTable(
  fw: Framework,
  block: TensionConfig,
  known: ReadonlySet<string>,
): { byId: Map<string, BaseIndicator>; problems: string[] } {
  const problems: string[] = [];
  const byId = new Map<string, BaseIndicator>();
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
        if (!known.has(field)) problems.push(unknownField(`${at}/compute/${pointer}`, field));
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
  return { byId, problems };
}

/** What resolving a tension reads. */
interface TensionSetup {
  byId: ReadonlyMap<string, BaseIndicator>;
  known: ReadonlySet<string>;
  /** The block's α (default {@link DEFAULT_ALPHA}). */
  blockAlpha: number;
}

type TensionDef = TensionConfig['tensions'][number];

/** One tension resolved: its two subsystems and α, with the problems of its references and Theil fields. */
function resolveTension(
  t: TensionDef,
  at: string,
  setup: TensionSetup,
): { tension: ResolvedTension; problems: string[] } {
  const u1 = resolveSubsystem('u1', t.u1, { at, tension: t.id, byId: setup.byId, other: new Set() });
  const inU1 = new Set(u1.subsystem.indicators.map((i) => i.id));
  const u2 = resolveSubsystem('u2', t.u2, { at, tension: t.id, byId: setup.byId, other: inU1 });
  const theilProblems = (t.theil ?? []).flatMap((r, i) =>
    r.fields.flatMap((f, j) => (setup.known.has(f) ? [] : [unknownField(`${at}/theil/${i}/fields/${j}`, f)])),
  );
  return {
    tension: {
      id: t.id,
      label: t.label,
      rationale: t.rationale ?? null,
      alpha: t.alpha ?? setup.blockAlpha,
      subsystems: [u1.subsystem, u2.subsystem],
      theil: t.theil ?? [],
    },
    problems: [...u1.problems, ...u2.problems, ...theilProblems],
  };
}

/** Where a subsystem sits, for {@link resolveSubsystem}. */
interface SubsystemPlace {
  /** JSON pointer of the tension. */
  at: string;
  /** The tension's id. */
  tension: string;
  byId: ReadonlyMap<string, BaseIndicator>;
  /** The ids of the tension's other subsystem (u1's, when resolving u2). */
  other: ReadonlySet<string>;
}

/**
 * A subsystem's indicators, each reference looked up and its direction and weight taken from
 * the reference when it overrides them; an unknown reference, or one listed twice or in
 * both subsystems, is a problem.
 */
function resolveSubsystem(
  key: SubsystemKey,
  s: SubsystemDef,
  { at, tension, byId, other }: SubsystemPlace,
): { subsystem: ResolvedSubsystem; problems: string[] } {
  const problems: string[] = [];
  const indicators: ResolvedIndicator[] = [];
  const seen = new Set<string>();
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
    if (seen.has(id) || other.has(id)) {
      problems.push(
        msg.frameworkProblem(
          where,
          seen.has(id)
            ? `indicator ${id} is listed twice in ${key}`
            : `indicator ${id} is in both u1 and u2 of tension ${tension}`,
        ),
      );
      return;
    }
    seen.add(id);
    const o: { direction?: 1 | -1; weight?: number } = typeof r === 'string' ? {} : r;
    indicators.push({
      ...base,
      direction: o.direction ?? base.direction,
      ...(o.weight !== undefined ? { weight: o.weight } : base.weight !== undefined ? { weight: base.weight } : {}),
    });
  });
  return { subsystem: { key, id: s.id, label: s.label, rationale: s.rationale ?? null, indicators }, problems };
}
