import { join } from 'node:path';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { seconds, type Benchmark } from '../benchmark.js';

const SIZES = [10_000, 50_000, 250_000];
const TARGET_SECONDS_AT_250K = 10;

export const demoGenerationBenchmark: Benchmark = {
  name: 'Demo tenant generation (snapshot file, one transaction)',
  async run(workDir) {
    const rows = [];
    for (const devices of SIZES) {
      const file = join(workDir, `demo-${devices}.mdmsnap`);
      const started = performance.now();
      const snapshot = openSnapshot(file, { create: true });
      const manifest = generateDemoTenant(snapshot, { devices, seed: 1 });
      snapshot.close();
      const ms = performance.now() - started;
      rows.push({
        case: `${devices.toLocaleString('en-US')} devices`,
        users: manifest.users,
        seconds: seconds(ms),
        'devices/s': Math.round(devices / (ms / 1000)),
        target: devices === 250_000 ? `< ${TARGET_SECONDS_AT_250K} s` : '',
      });
    }
    return rows;
  },
};
