/**
 * The layer rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * A folder of src/ is one stage; each rule names what a stage must not import.
 */
const layer = (name, from, notTo, comment, severity = 'error') => ({
  name,
  comment,
  severity,
  from: { path: from },
  to: { path: notTo },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles make the load order matter',
      // warn until the last two cycles (ingest-files ↔ parallel/, run-tension ↔ tension-verdict) are cut
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
    layer(
      'measures-pure',
      '^src/measures/',
      '^src/(?!measures/)',
      'measures are a pure library: nothing outside src/measures',
    ),
    layer('bin-only-exit', '^src/', '^bin/', 'nothing in src/ imports the executable'),
    {
      ...layer(
        'render-reads-results',
        '^src/render/',
        '^src/(cli|ingest|dataset|cube|analyses|sample)/',
        'render works from results (and domain knowledge) only',
      ),
      // the organization types are domain knowledge that still lives in dataset/fields.ts
      to: { path: '^src/(cli|ingest|dataset|cube|analyses|sample)/', pathNot: '^src/dataset/fields[.]ts$' },
    },
    layer(
      'analyses-no-io',
      '^src/analyses/',
      '^src/(cli|ingest|render)/',
      'analyses compose measures over the cube and the rows; they read no files',
      'warn',
    ),
    layer(
      'ingest-below-analyses',
      '^src/ingest/',
      '^src/(cli|analyses|render|cube)/',
      'ingest reads files into a dataset; it knows nothing of analyses or output',
      'warn',
    ),
    layer(
      'cube-below-analyses',
      '^src/(cube|dataset)/',
      '^src/(cli|analyses|render|ingest)/',
      'dataset and cube are data structures',
    ),
    layer('core-is-leaf', '^src/core/', '^src/(?!core/)', 'core (errors, exit codes, messages) imports no stage'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|node_modules)/' },
  },
};
