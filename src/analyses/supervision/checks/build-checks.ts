import type { Dataset } from '../../../dataset/dataset.js';
import { REVENUE_FIELDS } from '../../../dataset/fields.js';
import type { RuleDef, RulesFile } from '../../../domain/rules/rules.js';
import { certAboveStaffCheck } from './cert-above-staff.js';
import { creditCodeChecksumCheck } from './credit-code-checksum.js';
import { creditCodeMismatchCheck } from './credit-code-mismatch.js';
import { deregisteredReportingCheck } from './deregistered-reporting.js';
import { dormantCheck, type DormantQuantity } from './dormant.js';
import { implausibleJumpCheck } from './implausible-jump.js';
import { missingReportCheck } from './missing-report.js';
import { persistentDeficitCheck } from './persistent-deficit.js';
import type { RuleCheck, RuleSkip } from './rule-check.js';
import { singleSourceCheck } from './single-source.js';

/** A rule ready to run: its definition and its state machine. */
export interface ActiveRule {
  def: RuleDef;
  check: RuleCheck;
}

/**
 * Make the state machines of the enabled rules for an input, and say which rules cannot run
 * on it and why: rules that follow an organization over years need a panel (`year`), and
 * each rule needs its columns (revenue = any `rev_*` column or `revenue_total`).
 *
 * @param rules the rules file
 * @param ds the dataset
 * @param resolveRegion division → region code (credit-code region check)
 * @returns the active rules, in the file's order, and the skipped ones
 * @example
 * buildChecks(loadRules(), ds, resolve).active.map((a) => a.def.id); // => ['dormant', …]
 */
export function buildChecks(
  rules: RulesFile,
  ds: Dataset,
  resolveRegion: (division: string) => string | null,
): { active: ActiveRule[]; skipped: RuleSkip[] } {
  const has = (f: string): boolean => ds.present.includes(f);
  const hasRevenue = REVENUE_FIELDS.some(has) || has('revenue_total');
  const panel = ds.shape === 'panel';
  const active: ActiveRule[] = [];
  const skipped: RuleSkip[] = [];
  const need = (def: RuleDef, missing: string[], make: () => RuleCheck): void => {
    if (missing.length) skipped.push({ id: def.id, missing });
    else active.push({ def, check: make() });
  };
  const yearNeeded = panel ? [] : ['year'];
  for (const def of rules.rules) {
    if (def.enabled === false) continue;
    switch (def.id) {
      case 'dormant': {
        const q: DormantQuantity[] = [];
        if (has('activities')) q.push('activities');
        if (hasRevenue) q.push('revenue');
        if (has('staff_fulltime')) q.push('staff_fulltime');
        need(def, [...yearNeeded, ...(q.length ? [] : ['activities', 'rev_*', 'staff_fulltime'])], () =>
          dormantCheck(def.params, q),
        );
        break;
      }
      case 'missing_report':
        need(def, yearNeeded, () => missingReportCheck(def.params));
        break;
      case 'persistent_deficit':
        need(def, [...yearNeeded, ...(has('expenses') ? [] : ['expenses']), ...(hasRevenue ? [] : ['rev_*'])], () =>
          persistentDeficitCheck(def.params),
        );
        break;
      case 'single_source':
        need(def, [...(has(def.params.source) ? [] : [def.params.source]), ...(hasRevenue ? [] : ['rev_*'])], () =>
          singleSourceCheck(def.params),
        );
        break;
      case 'implausible_jump': {
        const usable = def.params.quantities.filter((q) =>
          q === 'revenue'
            ? hasRevenue
            : q === 'staff_fulltime'
              ? has('staff_fulltime')
              : has('staff_fulltime') && has('staff_parttime'),
        );
        need(def, [...yearNeeded, ...(usable.length ? [] : ['rev_*', 'staff_fulltime'])], () =>
          implausibleJumpCheck({ ...def.params, quantities: usable }),
        );
        break;
      }
      case 'cert_above_staff': {
        const certs = ['cert_junior', 'cert_mid', 'cert_senior'].some(has);
        need(def, [...(certs ? [] : ['cert_*']), ...(has('staff_fulltime') ? [] : ['staff_fulltime'])], () =>
          certAboveStaffCheck(def.params),
        );
        break;
      }
      case 'credit_code_checksum':
        need(def, [], () => creditCodeChecksumCheck());
        break;
      case 'credit_code_mismatch':
        need(def, [], () => creditCodeMismatchCheck(def.params, resolveRegion));
        break;
      case 'deregistered_reporting':
        need(def, [...yearNeeded, ...(has('deregistered') ? [] : ['deregistered'])], () =>
          deregisteredReportingCheck(def.params),
        );
        break;
    }
  }
  return { active, skipped };
}
