import type { AnalysisConfig } from '../../analyses/analysis-context.js';
import { loadFramework } from '../../ingest/framework/load-framework.js';
import { loadRules } from '../../ingest/rules/load-rules.js';

/**
 * The framework and rules of a run, loaded at the CLI boundary so that the analyses read no
 * files: what the command loaded already (`--framework`, `--rules`) is kept, the built-in
 * `default` files fill the rest, and the built-in default framework is always there for
 * the tension analysis (its `"tension"` block serves a framework without one).
 *
 * @param given the parts the command has loaded (default none)
 * @returns the configuration of `ctx.options.config`
 * @throws SoqaError E_CONFIG_* (a broken built-in file), exit 3
 * @example
 * analysisConfig({ framework: loadFramework('my.json') }).rules.id; // => 'default'
 */
export function analysisConfig(given: Partial<AnalysisConfig> = {}): AnalysisConfig {
  const defaultFramework = given.defaultFramework ?? loadFramework('default');
  return {
    framework: given.framework ?? defaultFramework,
    defaultFramework,
    rules: given.rules ?? loadRules('default'),
  };
}
