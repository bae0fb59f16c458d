// Runs the CSV tokenizer worker as the Electron build emits it (dist-electron/, after
// `npm run build`) under plain Node: the tests drive the worker from the TypeScript sources,
// so this is what shows that the bundled entry and its shared chunk load and answer. (This
// script runs through tsx to read the device facts' order from the sources; the worker does not.)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { DEVICE_FACT_ORDER, type DeviceFact } from '../../electron/core/snapshot/deviceColumns.js';
import type { TokenizerResponse } from '../../electron/core/importers/csv/offThreadTokenizer.js';

const entry = new URL('../../dist-electron/csvTokenizerWorker.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(`${entry.pathname} is missing: run npm run build first.`);
  process.exit(1);
}
// The worker tokenizes and stages: here with the Intune export's row mapper, which the bundle must carry.
const worker = new Worker(entry, { workerData: { delimiter: ',', maxRecordBytes: 1_000_000, firstLine: 2 }, execArgv: [] });
const answers: TokenizerResponse[] = [];
worker.on('message', (message) => answers.push(message));
worker.postMessage({
  type: 'stageWith',
  spec: {
    headers: ['Device ID', 'Device name', 'OS', 'Ownership', 'Enrollment date'],
    positions: [0, 1, 2, 3, 4],
    required: [{ position: 0, header: 'Device ID' }],
  },
  mapper: 'intune-devices',
});
worker.postMessage({ type: 'bytes', bytes: new TextEncoder().encode('id-1,PC-1,Windows 11,Personnel,2024-03-01 08:15:00.0000000\n,PC-2,Windows,Personal,\nid-3,"Zoë\'s') });
worker.postMessage({ type: 'bytes', bytes: new TextEncoder().encode('\niPad",iPadOS,Corporate,\n') });
worker.postMessage({ type: 'finish' });
while (answers.length < 3) await once(worker, 'message');
await worker.terminate();

// Mapped values come in the device facts' order.
const FACTS: DeviceFact[] = ['intuneDeviceId', 'name', 'platform', 'ownership', 'ownershipRaw', 'enrolledAt'];
const picked = (answer: TokenizerResponse | undefined) => {
  const records = answer!.staged!.records;
  const out = [];
  for (let record = 0; record < records.recordLines.length; record++) {
    const value = (fact: DeviceFact) => {
      const at = records.recordStarts[record]! + DEVICE_FACT_ORDER.indexOf(fact);
      return records.text.slice(at === 0 ? 0 : records.cellEnds[at - 1], records.cellEnds[at]);
    };
    out.push([records.recordLines[record], ...FACTS.map(value)]);
  }
  return out;
};
assert.deepEqual(picked(answers[0]), [[2, 'id-1', 'PC-1', 'windows', 'personal', 'Personnel', '2024-03-01T08:15:00.000Z']]);
assert.deepEqual(answers[0]!.staged!.issues, [{ line: 3, column: 'Device ID', reason: 'Device ID is empty', severity: 'error' }]);
assert.deepEqual(picked(answers[1]), [[4, 'id-3', "Zoë's\niPad", 'ipados', 'company', 'Corporate', '']]);
assert.deepEqual(picked(answers[2]), []);
console.log('dist-electron/csvTokenizerWorker.js tokenizes and maps under plain Node.');
