import { REVENUE_FIELDS } from '../../dataset/fields.js';
import type { ComputeSpec } from './framework.js';

/**
 * The field names a compute spec refers to, with their JSON-pointer suffix.
 *
 * @param spec an indicator's `compute` block
 * @returns one entry per field named; `countAllowed` where `count` (the organization count) may stand
 * @example
 * specFields({ kind: 'ratio_of_sums', numerator: ['a'], denominator: ['b'] }).map((f) => f.pointer); // => ['numerator/0', 'denominator/0']
 */
export function specFields(spec: ComputeSpec): { pointer: string; field: string; countAllowed: boolean }[] {
  const list = (key: string, xs: string[]) =>
    xs.map((field, k) => ({ pointer: `${key}/${k}`, field, countAllowed: false }));
  switch (spec.kind) {
    case 'per_population':
      return typeof spec.numerator === 'string'
        ? [{ pointer: 'numerator', field: spec.numerator, countAllowed: true }]
        : list('numerator', spec.numerator);
    case 'share_of_orgs':
    case 'mean_per_org':
      return [{ pointer: 'field', field: spec.field, countAllowed: false }];
    case 'ratio_of_sums':
      return [...list('numerator', spec.numerator), ...list('denominator', spec.denominator)];
    case 'growth':
      return [{ pointer: 'of', field: spec.of, countAllowed: true }];
    case 'type_diversity':
      return [];
    case 'revenue_diversification':
      return list('fields', spec.fields ?? [...REVENUE_FIELDS]);
  }
}
