// `npm test`: build and typecheck, then lint and vitest at the same time. Lint is about 45 s
// of one core (ESLint's type-aware rules most of it); started beside vitest it fills the time
// a core would otherwise wait, instead of holding the tests back. Vitest prints as it goes;
// lint's output is printed after it, then one line says which checks failed. Extra
// arguments go to vitest (`npm test -- test/measures`).
import { spawn, spawnSync } from 'node:child_process';
import { collectOutput } from './lib/collect-output.mjs';

const shell = process.platform === 'win32';

/** Run a command to the end with the terminal as its output; true when it succeeded. */
function step(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit', shell }).status === 0;
}

/** Start a command that prints to the terminal; resolves true when it succeeded. */
function live(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', shell });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

if (!step('npm', ['run', 'build']) || !step('tsc', ['-p', 'tsconfig.test.json'])) {
  process.exitCode = 1;
} else {
  const lint = collectOutput(['node', 'scripts/lint.mjs']);
  const tests = await live('vitest', ['run', ...process.argv.slice(2)]);
  const { output, ok } = await lint;
  process.stdout.write(`\n> npm run lint\n${output}`);
  const failed = [...(ok ? [] : ['lint']), ...(tests ? [] : ['tests'])];
  process.stdout.write(
    failed.length ? `npm test: ${failed.join(' and ')} failed\n` : 'npm test: lint and tests passed\n',
  );
  process.exitCode = failed.length ? 1 : 0;
}
