import { SoqaError } from '../core/soqa-error.js';
import { badOption, sampleRegionsInvalid } from '../core/messages/index.js';

/** The part of a regions JSON (e.g. data/regions/inner-mongolia.json) the sample generator reads. */
export interface SampleRegionsInput {
  regions: ReadonlyArray<{
    code: string;
    zh?: string;
    en?: string;
    population: number;
    zone?: string;
    tags?: readonly string[];
  }>;
}

/** Options of the synthetic sample generator. */
export interface SampleOptions {
  /** Organizations with a row in the last year (default 18,000); everything scales with it. */
  orgs?: number;
  /** First and last report year, inclusive (default [2008, 2024]). */
  years?: readonly [number, number];
  /** Seed of every random draw (default 20240601). */
  seed?: number;
  /** Parsed regions JSON: codes, Chinese names, populations, zones and tags. */
  regions: SampleRegionsInput;
}

/** One region as the generator uses it. */
export interface SampleRegion {
  code: string;
  zh: string;
  population: number;
  core: boolean;
  tags: readonly string[];
}

/** Options with defaults applied and checked. */
export interface ResolvedSampleOptions {
  orgs: number;
  y0: number;
  y1: number;
  seed: number;
  regions: SampleRegion[];
}

/** Largest `orgs` accepted (the organization-code serial space allows about 13 million). */
const MAX_ORGS = 10_000_000;

/**
 * Apply defaults to sample options and check them.
 *
 * @param options generator options; `orgs` defaults to 18000, `years` to [2008, 2024],
 *   `seed` to 20240601
 * @returns the resolved options
 * @throws {SoqaError} `E_BAD_OPTION` (exit 3) for a non-integer or out-of-range `orgs`,
 *   `years` or `seed`; `E_BAD_REGIONS` (exit 3) when the regions file has no usable regions
 * @example
 * resolveSampleOptions({ regions }).orgs; // => 18000
 */
export function resolveSampleOptions(options: SampleOptions): ResolvedSampleOptions {
  const orgs = options.orgs ?? 18000;
  if (!Number.isInteger(orgs) || orgs < 1 || orgs > MAX_ORGS) {
    throw new SoqaError('E_BAD_OPTION', badOption('--orgs', orgs, `an integer from 1 to ${MAX_ORGS}`));
  }
  const years = options.years ?? [2008, 2024];
  const [y0, y1] = years;
  if (
    !Array.isArray(years) ||
    years.length !== 2 ||
    !Number.isInteger(y0) ||
    !Number.isInteger(y1) ||
    y0 < 1950 ||
    y1 > 2100 ||
    y0 > y1 ||
    y1 - y0 > 80
  ) {
    throw new SoqaError(
      'E_BAD_OPTION',
      badOption(
        '--years',
        Array.isArray(years) ? years.join('-') : years,
        'a range FIRST-LAST of years within 1950–2100, FIRST ≤ LAST, at most 80 years apart',
      ),
    );
  }
  const seed = options.seed ?? 20240601;
  if (!Number.isSafeInteger(seed)) {
    throw new SoqaError('E_BAD_OPTION', badOption('--seed', seed, 'an integer'));
  }
  const list = options.regions?.regions;
  if (!Array.isArray(list) || list.length === 0) {
    throw new SoqaError('E_BAD_REGIONS', sampleRegionsInvalid('has no "regions" array'));
  }
  if (list.length > 60000) {
    throw new SoqaError(
      'E_BAD_REGIONS',
      sampleRegionsInvalid(`lists ${list.length} regions, more than the 60000 the generator supports`),
    );
  }
  const seen = new Set<string>();
  const regions: SampleRegion[] = list.map((r, i) => {
    const code = String(r?.code ?? '');
    if (!/^\d{6}$/.test(code))
      throw new SoqaError(
        'E_BAD_REGIONS',
        sampleRegionsInvalid(`region ${i + 1} has code ${JSON.stringify(code)}, not 6 digits`),
      );
    if (seen.has(code)) throw new SoqaError('E_BAD_REGIONS', sampleRegionsInvalid(`lists region ${code} twice`));
    seen.add(code);
    const population = Number(r.population);
    if (!Number.isFinite(population) || population <= 0) {
      throw new SoqaError(
        'E_BAD_REGIONS',
        sampleRegionsInvalid(`region ${code} has population ${JSON.stringify(r.population)}, not a positive number`),
      );
    }
    return {
      code,
      zh: r.zh && r.zh.length > 0 ? r.zh : code,
      population,
      core: r.zone === 'core',
      tags: Array.isArray(r.tags) ? r.tags : [],
    };
  });
  return { orgs, y0, y1, seed, regions };
}
