import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../../../src/cli/output/write-atomic.js';

// Interrupted-write safety (issue 8): writeAtomic writes a temp file beside the target and
// renames it over the target, so a failure at any step leaves the previous file intact and
// no temp file behind. Failures are injected by wrapping node:fs (soqa runs as root in CI,
// where a read-only folder would not stop a write).
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync), renameSync: vi.fn(real.renameSync) };
});

// the test's own file handling goes around the spies
const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } =
  await vi.importActual<typeof import('node:fs')>('node:fs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soqa-atomic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.mocked(fs.writeFileSync).mockClear();
  vi.mocked(fs.renameSync).mockClear();
});

const OLD = '{"previous": "report"}\n';

function previous(name: string): string {
  const p = join(dir, name);
  writeFileSync(p, OLD);
  return p;
}

describe('writeAtomic', () => {
  it('replaces the file and leaves no temp file', () => {
    const p = previous('ok.json');
    writeAtomic(p, '{"new": 1}\n');
    expect(readFileSync(p, 'utf8')).toBe('{"new": 1}\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes text given in parts, across batches, as the joined text (multi-byte characters included)', () => {
    const p = previous('parts.json');
    // 3 parts of 600,000 characters: more than one 1 MiB batch; 社 is 3 bytes in UTF-8
    const parts = ['社'.repeat(600_000), 'a'.repeat(600_000), '会\n'];
    writeAtomic(p, parts);
    expect(readFileSync(p, 'utf8')).toBe(parts.join(''));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the previous file and removes the temp file when the parts throw', () => {
    const p = previous('parts-fail.json');
    function* failing(): Generator<string> {
      yield '{"half": ';
      throw new Error('serialising failed');
    }
    expect(() => writeAtomic(p, failing())).toThrow('serialising failed');
    expect(readFileSync(p, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('creates missing folders', () => {
    const p = join(dir, 'a', 'b', 'tables', 'x.csv');
    writeAtomic(p, Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(readFileSync(p)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
  });

  it('keeps the previous file when writing fails half-way (disk full)', () => {
    const p = previous('disk-full.json');
    vi.mocked(fs.writeFileSync).mockImplementationOnce((file) => {
      // half of the new content reaches the disk, then the device is full
      writeFileSync(file as string, '{"new": ');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    expect(() => writeAtomic(p, '{"new": 1}\n')).toThrow(/ENOSPC/);
    expect(readFileSync(p, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).filter((f) => f.startsWith('.disk-full.json'))).toEqual([]);
  });

  it('keeps the previous file when the rename fails', () => {
    const p = previous('rename.json');
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
    });
    expect(() => writeAtomic(p, '{"new": 1}\n')).toThrow(/EXDEV/);
    expect(readFileSync(p, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).filter((f) => f.startsWith('.rename.json'))).toEqual([]);
  });

  it('writes nothing at all when the first write of a new file fails', () => {
    const p = join(dir, 'never.json');
    vi.mocked(fs.writeFileSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    });
    expect(() => writeAtomic(p, 'x')).toThrow(/EIO/);
    expect(readdirSync(dir).filter((f) => f.includes('never.json'))).toEqual([]);
  });

  it('writes the target only through the rename of a temp file beside it', () => {
    const p = previous('rename-only.json');
    writeAtomic(p, 'new\n');
    const writes = vi.mocked(fs.writeFileSync).mock.calls.map((c) => String(c[0]));
    expect(writes).toHaveLength(1);
    expect(writes[0]).not.toBe(p);
    expect(writes[0].startsWith(join(dir, '.rename-only.json.'))).toBe(true);
    expect(vi.mocked(fs.renameSync).mock.calls).toEqual([[writes[0], p]]);
  });
});
