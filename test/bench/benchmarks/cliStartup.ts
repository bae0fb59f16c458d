import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Benchmark, BenchmarkRow } from '../benchmark.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = 10;
const TARGET_MS = 150;

/** Wall time of one run of `command`, which must succeed. */
function timed(command: string, args: string[]): number {
  const started = performance.now();
  const { status, stderr } = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${status}: ${stderr}`);
  return ms;
}

function row(label: string, command: string, args: string[], runs: number, target: string): BenchmarkRow {
  timed(command, args); // warms the file cache (and builds the bundle if it is missing)
  const wall = Array.from({ length: runs }, () => timed(command, args)).sort((a, b) => a - b);
  return { case: label, runs, 'median ms': Math.round(wall[Math.floor(runs / 2)]!), 'best ms': Math.round(wall[0]!), 'worst ms': Math.round(wall[runs - 1]!), target };
}

/**
 * How long `mdm-migrate --help` takes from the shell: through the root launcher (the bundle in
 * plain Node, the README's fast way) and, for comparison, through npx, which adds npm's start-up.
 */
export const cliStartupBenchmark: Benchmark = {
  name: 'CLI start-up (mdm-migrate --help)',
  async run() {
    return [
      row('./mdm-migrate --help', './mdm-migrate', ['--help'], RUNS, `< ${TARGET_MS} ms`),
      row('npx mdm-migrate --help', 'npx', ['--no-install', 'mdm-migrate', '--help'], 3, '(reference)'),
    ];
  },
};
