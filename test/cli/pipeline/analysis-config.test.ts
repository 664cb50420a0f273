import { describe, expect, it } from 'vitest';
import { analysisConfig } from '../../../src/cli/pipeline/analysis-config.js';
import { loadFramework } from '../../../src/ingest/framework/load-framework.js';
import { loadRules } from '../../../src/ingest/rules/load-rules.js';

describe('analysisConfig: the configuration analyses get, loaded at the CLI boundary', () => {
  it('fills in the built-in default framework and rules', () => {
    const c = analysisConfig();
    expect(c.framework.id).toBe('default');
    expect(c.defaultFramework).toBe(c.framework);
    expect(c.rules.id).toBe('default');
    // the loaders set the absolute path they read
    expect(c.framework.path).toMatch(/config[\\/]framework[\\/]default\.json$/);
    expect(c.rules.path).toMatch(/config[\\/]rules[\\/]default\.json$/);
  });

  it('keeps what the command loaded, and still has the default framework for the tension fallback', () => {
    const framework = { ...loadFramework('default'), id: 'mine', tension: undefined };
    const rules = loadRules('default');
    const c = analysisConfig({ framework, rules });
    expect(c.framework).toBe(framework);
    expect(c.rules).toBe(rules);
    expect(c.defaultFramework.id).toBe('default');
    expect(c.defaultFramework.tension).toBeDefined();
  });
});
