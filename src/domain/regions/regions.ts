/** One region of a regions file (see schemas/regions.schema.json). */
export interface Region {
  code: string;
  zh: string;
  en: string;
  /** Code of the unit one level up (a prefecture's province, a county's prefecture). */
  parent?: string;
  /** Code of the unit's province (xx0000). */
  province?: string;
  population: number;
  /** 6th census (2010) residents. */
  population2010?: number;
  /** Urban residents / residents (census year), 0–1; read by the tension analysis. */
  urbanRate?: number;
  /** Share of residents aged 65+, 0–1. */
  aged65Share?: number;
  /** Average years of schooling (residents aged 15+); read by the tension analysis. */
  schoolingYears?: number;
  area?: number;
  /** Optional gross regional product: one number, or numbers by year (`{ "2023": … }`); read by the tension analysis. */
  gdp?: number | Record<string, number>;
  /** Core or periphery; absent = periphery (a file without zones has no default core). */
  zone?: 'core' | 'periphery';
  /** A grouping of units, e.g. the NBS economic region (东部, 中部, 西部, 东北). */
  group?: string;
  /** True when the unit has no land neighbour. */
  island?: boolean;
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
  /** Province code the file was narrowed to (`--within`, or detection). */
  within?: string;
  /** How the file was chosen when `--regions` was not given (see detect-regions.ts). */
  detected?: RegionsDetection;
  /** Absolute path it was read from (set by the loader). */
  source?: string;
}

/** What detection chose, for stderr and provenance. */
export interface RegionsDetection {
  /** Id of the chosen built-in regions file. */
  id: string;
  /** Rows sampled (the first rows of the first input). */
  rows: number;
  /** Share of them the chosen file places (rows naming the whole area left out of the count). */
  share: number;
  /** Province code the chosen file is narrowed to (`--within`), when every placed row lies in one province. */
  within?: string;
  /** Every file tried, smallest first, with its share. */
  tried: { id: string; share: number }[];
}
