/**
 * Which analysis sections are final yet, as promises: what lets a chart be built as soon as
 * the section it needs is computed, while the later analyses still run.
 */

/** Sections announced one by one; see {@link sectionFeed}. */
export interface SectionFeed {
  /**
   * Resolves when a chart needing `needs` can be built: at once for `null` (the counts and
   * regions only), when the named section is done, and when every section is done for a
   * name the feed does not know. Never rejects.
   */
  ready(needs: string | null): Promise<void>;
  /** The section `name` is final. */
  done(name: string): void;
  /** Every section is final, or will never come (an analysis failed): nothing waits any longer. */
  all(): void;
}

/**
 * A feed of the sections `names`, none of them done yet.
 *
 * @param names the sections that will be announced
 * @returns the feed
 * @throws nothing
 * @example
 * const feed = sectionFeed(['indicators', 'spatial']);
 * void feed.ready('spatial').then(() => console.log('spatial is final'));
 * feed.done('indicators');
 * feed.done('spatial'); // logs
 */
export function sectionFeed(names: readonly string[]): SectionFeed {
  const settle = new Map<string, () => void>();
  const waits = new Map<string, Promise<void>>();
  for (const name of names) waits.set(name, new Promise((resolve) => settle.set(name, resolve)));
  let allDone: () => void = () => undefined;
  const every = new Promise<void>((resolve) => (allDone = resolve));
  const left = new Set(names);
  const all = (): void => {
    for (const resolve of settle.values()) resolve();
    left.clear();
    allDone();
  };
  return {
    ready: (needs) => (needs === null ? Promise.resolve() : (waits.get(needs) ?? every)),
    done(name) {
      settle.get(name)?.();
      left.delete(name);
      if (left.size === 0) all();
    },
    all,
  };
}
