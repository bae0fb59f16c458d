import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the same check `npm run check:cycles` runs, on the folders given. */
function checkCycles(...folders: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['node_modules/dependency-cruiser/bin/dependency-cruise.mjs', '--config', '.dependency-cruiser.cjs', ...folders], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** `npm test` refuses import cycles through .dependency-cruiser.cjs; this proves the check bites. */
describe('import cycle check', () => {
  it('fails on two modules that import each other, even for types only', () => {
    const { status, output } = checkCycles('test/support/importCycle');
    expect(status).not.toBe(0);
    expect(output).toContain('no-circular');
    expect(output).toContain('test/support/importCycle/first.ts');
  });

  it('passes on a folder without a cycle', () => {
    expect(checkCycles('electron/contract').status).toBe(0);
  });
});
