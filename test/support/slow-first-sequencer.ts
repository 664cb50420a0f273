import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files of test/support/slow-files.txt, slowest first. */
const SLOW = readFileSync(new URL('./slow-files.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/**
 * vitest's order, except on a run without timings of its own (a fresh clone), where it
 * would start the largest files first: there the files listed in test/support/slow-files.txt
 * start first, slowest first, so that a long file does not start last and keep one worker
 * busy alone at the end. Projects keep vitest's order (each project's files together).
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = sorted.every((f) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`),
    );
    if (timed) return sorted;
    const project = new Map<string, number>();
    for (const f of sorted) if (!project.has(f.project.name)) project.set(f.project.name, project.size);
    const rank = (f: TestSpecification): number => {
      const at = SLOW.indexOf(relative(root, f.moduleId));
      return at < 0 ? SLOW.length : at;
    };
    return sorted
      .map((f, i) => ({ f, i, p: project.get(f.project.name)!, r: rank(f) }))
      .sort((a, b) => a.p - b.p || a.r - b.r || a.i - b.i)
      .map((x) => x.f);
  }
}
