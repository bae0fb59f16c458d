import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { seconds, type Benchmark } from '../benchmark.js';

const SIZES = [10_000, 250_000];
const CHILD = join(import.meta.dirname, 'reportSetChild.ts');

/**
 * The whole report set (`mdm-migrate report`: both PDFs, the workbook, three CSVs, the JSON and
 * the calendar) of a demo snapshot, in a child process under GNU time for its peak RSS. The
 * time is measured inside the child (no tsx start-up) and split by file; "model" is the content
 * hash, the assessment and the wizard view.
 */
export const reportSetBenchmark: Benchmark = {
  name: 'Report set (mdm-migrate report)',
  async run(workDir) {
    const rows = [];
    for (const devices of SIZES) {
      const file = join(workDir, `report-${devices}.mdmsnap`);
      const created = openSnapshot(file, { create: true });
      generateDemoTenant(created, { devices, seed: 1 });
      created.close();
      const out = join(workDir, `report-${devices}`);
      mkdirSync(out);
      const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--import', 'tsx', CHILD, file, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (run.status !== 0) throw new Error(`report set failed: ${run.stderr}`);
      const figures = JSON.parse(run.stdout) as { ms: number; steps: Record<string, number> };
      const maxRssKb = Number(run.stderr.trim().split('\n').pop());
      rows.push({
        case: `${devices.toLocaleString('en-US')} devices`,
        seconds: seconds(figures.ms),
        ...Object.fromEntries(Object.entries(figures.steps).map(([step, ms]) => [step, seconds(ms)])),
        'peak RSS MB': Math.round(maxRssKb / 1024),
        load: loadavg()[0]!.toFixed(2),
        target: devices === 250_000 ? '< 10 s, < 500 MB' : '',
      });
    }
    return rows;
  },
};
