/**
 * The layer rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * A folder of src/ is one stage; each rule lists what a stage MAY import (besides itself),
 * and anything else under src/ is an error. `core` (errors, exit codes, messages, logger) is
 * open to every stage but `measures`.
 *
 *   cli      → api, render, results, analyses, ingest, cube, dataset, domain, measures, sample
 *   api      → cli/pipeline, cli/output, cli/fonts, render, results, analyses, ingest, cube, dataset, domain, measures
 *   render   → results, domain (+ dataset/fields.ts, measures: see below)
 *   results  → analyses, ingest, cube, dataset, domain (types of what it assembles)
 *   analyses → cube, measures, domain, dataset
 *   ingest   → dataset, domain (+ the cube of aggregated tables: see below)
 *   sample   → dataset, domain, measures
 *   cube     → dataset, domain
 *   dataset  → domain
 *   domain   → dataset/fields.ts
 *   measures → nothing
 */

/**
 * A rule: files under src/<from>/ import nothing under src/ but their own stage, the stages
 * in `allowed`, and the single files in `files` (regular expressions on the path).
 */
const onlyImports = (name, from, allowed, comment, files = []) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/(${[from, ...allowed].join('|')})/`, ...files],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles make the load order matter; a type two files share goes to its own file',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'bin-only-exit',
      comment: 'nothing in src/ imports the executable',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^bin/' },
    },
    onlyImports(
      'measures-pure',
      'measures',
      [],
      'measures are a pure library: nothing outside src/measures (they throw MeasureError, the CLI maps it)',
    ),
    onlyImports('core-is-leaf', 'core', [], 'core (errors, exit codes, messages, logger) imports no stage'),
    onlyImports(
      'domain-is-knowledge',
      'domain',
      ['core'],
      'domain knowledge (framework, regions, credit codes, rules) as types and pure logic; it reads no files. ' +
        'It may read the canonical field list (dataset/fields.ts: field names, kinds, organization types).',
      ['^src/dataset/fields[.]ts$'],
    ),
    onlyImports('dataset-is-data', 'dataset', ['core', 'domain'], 'the dataset is a data structure'),
    onlyImports('cube-is-data', 'cube', ['core', 'domain', 'dataset'], 'the cube is a data structure over the rows'),
    onlyImports(
      'ingest-reads-into-dataset',
      'ingest',
      ['core', 'domain', 'dataset'],
      'ingest reads files into a dataset; it knows nothing of analyses or output. Aggregated (yearbook) ' +
        'tables are counts already: ingest/aggregate fills the cube directly (cube.ts, cube-from-cells.ts, ' +
        "derived-fields.ts), and the framework loader checks field names against the cube's " +
        '(known-measure-fields.ts).',
      ['^src/cube/(cube|cube-from-cells|derived-fields|known-measure-fields)[.]ts$'],
    ),
    onlyImports(
      'analyses-no-io',
      'analyses',
      ['core', 'cube', 'measures', 'domain', 'dataset'],
      'analyses compose measures over the cube and the rows; they read no files (the CLI loads the ' +
        'framework, rules and gazetteer and passes them in the context)',
    ),
    onlyImports(
      'results-below-render',
      'results',
      ['core', 'analyses', 'ingest', 'cube', 'dataset', 'domain'],
      'results assemble what the analyses and ingest computed into results.json; they know nothing of output',
    ),
    onlyImports(
      'render-reads-results',
      'render',
      ['core', 'results', 'domain'],
      'render works from results.json and domain knowledge only. It may read the organization types ' +
        '(dataset/fields.ts: labels and order of the types) and the pure measures (the coordination classes ' +
        'whose bands the tension charts and the methods text show are the ones the analysis used).',
      ['^src/dataset/fields[.]ts$', '^src/measures/'],
    ),
    onlyImports(
      'sample-is-generator',
      'sample',
      ['core', 'dataset', 'domain', 'measures'],
      'the sample generator writes rows from the field list, credit-code rules and a seeded random stream',
    ),
    onlyImports(
      'api-below-commands',
      'api',
      [
        'core',
        'domain',
        'dataset',
        'cube',
        'measures',
        'ingest',
        'analyses',
        'results',
        'render',
        'cli/(pipeline|output|fonts)',
      ],
      'the API (analyze, render) and the commands share the pipeline: src/api/run-analysis.ts and write-report.ts ' +
        'compose the steps of src/cli/pipeline and src/cli/output; the commands (src/cli/commands) are a thin ' +
        'layer on top that the API never imports. It may read the CLI streams type, the option checks and the version.',
      ['^src/cli/(io|options|version)[.]ts$'],
    ),
    {
      name: 'run-steps-below-api',
      comment:
        'the pipeline steps (read inputs, write outputs, render) know neither the commands nor the API that compose them',
      severity: 'error',
      from: { path: '^src/cli/(pipeline|output|fonts)/' },
      to: { path: '^src/(api/|cli/commands/|cli/main[.]ts)' },
    },
    {
      name: 'api-is-top',
      comment: 'only the package entry and the commands import the API',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(api/|cli/commands/|index[.]ts$)' },
      to: { path: '^src/api/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|node_modules)/' },
  },
};
