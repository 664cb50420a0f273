import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { SoqaError } from '../../core/soqa-error.js';
import * as msg from '../../core/messages/index.js';

/**
 * Whether a process with this id is running (signal 0 tests without sending anything; a
 * process of another user answers EPERM, and is running).
 *
 * @param pid process id
 * @returns true when it runs
 * @example
 * processAlive(process.pid); // => true
 */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the lock file of an output folder: created exclusively, holding this process's id.
 * A lock whose process is no longer running (a run killed part-way) is taken over, and
 * `note` says so; a lock held by a running process refuses the run.
 *
 * @param lock the lock file's path
 * @param dir the output folder, for messages
 * @param note told when a dead process's lock is taken over
 * @throws SoqaError E_OUT_LOCKED (exit 3) when another running soqa holds the lock
 * @example
 * takeLock('reports/.x.soqa-lock', 'reports/x', (t) => process.stderr.write(t));
 */
export function takeLock(lock: string, dir: string, note: (text: string) => void): void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    let text = '';
    try {
      text = readFileSync(lock, 'utf8');
    } catch {
      // removed meanwhile: try again
    }
    const pid = Number.parseInt(text.trim(), 10);
    if (pid !== process.pid && processAlive(pid)) throw new SoqaError('E_OUT_LOCKED', msg.outLocked(dir, pid, lock));
    note(msg.outLockTakenOver(dir, Number.isFinite(pid) ? pid : null));
    rmSync(lock, { force: true });
  }
}
