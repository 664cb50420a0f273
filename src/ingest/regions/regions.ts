/** One region of a regions file (see schemas/regions.schema.json). */
export interface Region {
  code: string;
  zh: string;
  en: string;
  parent?: string;
  population: number;
  area?: number;
  /** Urban residents / residents (0–1; census), a measured development indicator. */
  urbanRate?: number;
  /** Average years of schooling of the residents (census), a measured development indicator. */
  schoolingYears?: number;
  /** Optional gross regional product: one number, or numbers by year (`{ "2023": … }`); read by the tension analysis. */
  gdp?: number | Record<string, number>;
  zone: 'core' | 'periphery';
  tags?: string[];
  neighbours?: string[];
  aliases?: string[];
}

/** A regions file as stored in `data/regions/*.json`. */
export interface RegionsFile {
  id: string;
  name?: { zh?: string; en?: string };
  code?: string;
  populationYear?: number;
  sources?: Record<string, string>;
  regions: Region[];
  /** Absolute path it was read from (set by the loader). */
  source?: string;
}
