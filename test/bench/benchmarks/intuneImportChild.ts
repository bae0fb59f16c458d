// Child process of the intuneImport benchmark: imports one CSV into a new snapshot and prints
// the figures as JSON. A separate process, so its peak RSS is the import's alone.
import { importFiles } from '../../../electron/core/importers/importService.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';

const [csv, db] = process.argv.slice(2) as [string, string];
const started = performance.now();
const snapshot = openSnapshot(db, { create: true });
const outcome = await importFiles(snapshot, [csv]);
snapshot.close();
process.stdout.write(
  JSON.stringify({
    ms: performance.now() - started,
    committed: outcome.committed,
    rows: outcome.files[0]?.rowsAccepted ?? 0,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
