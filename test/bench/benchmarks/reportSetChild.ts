// Child process of the report set benchmark: writes the whole report set of one snapshot and
// prints the time of each file as JSON. A separate process, so its peak RSS is the report's alone.
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { writeReportSet } from '../../../electron/core/reports/writeReportSet.js';

const [db, out] = process.argv.slice(2) as [string, string];
const started = performance.now();
const snapshot = openSnapshot(db, { mustExist: true });
const steps: Record<string, number> = {};
let last = started;
let current = 'model';
await writeReportSet(snapshot, out, {
  onProgress: ({ file }) => {
    const now = performance.now();
    steps[current] = now - last;
    current = file;
    last = now;
  },
});
steps[current] = performance.now() - last;
snapshot.close();
process.stdout.write(JSON.stringify({ ms: performance.now() - started, steps }));
