import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { assessSnapshot, pageFindingItems } from '../../../electron/core/rules/index.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import type { Benchmark } from '../benchmark.js';

const SIZES = [10_000, 50_000, 250_000];
const TARGET_MS_AT_250K = 500;
const RUNS = 5;

/**
 * Readiness assessment (every rule of brief §2, counts and decided counts) on demo snapshots.
 * The snapshot is generated first and re-opened, as the app would; the first assessment warms
 * SQLite's page cache and is reported separately. Median and best of five warm runs, wall and CPU
 * time (CPU time shows when another process competes for the cores; the load average is printed).
 */
export const assessmentBenchmark: Benchmark = {
  name: 'Readiness assessment (all rules, counts in SQL)',
  async run(workDir) {
    const rows = [];
    for (const devices of SIZES) {
      const file = join(workDir, `assess-${devices}.mdmsnap`);
      const created = openSnapshot(file, { create: true });
      generateDemoTenant(created, { devices, seed: 1 });
      created.close();

      const snapshot = openSnapshot(file, { mustExist: true });
      try {
        const coldStarted = performance.now();
        assessSnapshot(snapshot);
        const coldMs = performance.now() - coldStarted;
        const wall: number[] = [];
        const cpu: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const cpuBefore = process.cpuUsage();
          const started = performance.now();
          assessSnapshot(snapshot);
          wall.push(performance.now() - started);
          const used = process.cpuUsage(cpuBefore);
          cpu.push((used.user + used.system) / 1000);
        }
        const pageStarted = performance.now();
        pageFindingItems(snapshot, { rule: 'DEV_USERLESS', offset: 0, limit: 100, sortBy: 'name' });
        const pageMs = performance.now() - pageStarted;
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
        rows.push({
          case: `${devices.toLocaleString('en-US')} devices`,
          'first ms': Math.round(coldMs),
          'median ms': Math.round(median(wall)),
          'best ms': Math.round(Math.min(...wall)),
          'cpu ms (median)': Math.round(median(cpu)),
          'DEV_USERLESS page ms': Math.round(pageMs),
          load: loadavg()[0]!.toFixed(2),
          target: devices === 250_000 ? `< ${TARGET_MS_AT_250K} ms` : '',
        });
      } finally {
        snapshot.close();
      }
    }
    return rows;
  },
};
