// Runs the CSV tokenizer worker as the Electron build emits it (dist-electron/, after
// `npm run build`) under plain Node: the tests drive the worker from the TypeScript sources,
// so this is what shows that the bundled entry and its shared chunk load and answer.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

const entry = new URL('../../dist-electron/csvTokenizerWorker.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(`${entry.pathname} is missing: run npm run build first.`);
  process.exit(1);
}
// The worker tokenizes and stages: here with the Intune export's row mapper, which the bundle must carry.
const worker = new Worker(entry, { workerData: { delimiter: ',', maxRecordBytes: 1_000_000, firstLine: 2 } });
const answers = [];
worker.on('message', (message) => answers.push(message));
worker.postMessage({
  type: 'stageWith',
  spec: {
    headers: ['Device ID', 'Device name', 'OS', 'Ownership', 'Enrollment date'],
    positions: [0, 1, 2, 3, 4],
    required: [{ position: 0, header: 'Device ID' }],
    mapper: 'intune-devices',
  },
});
worker.postMessage({ type: 'bytes', bytes: new TextEncoder().encode('id-1,PC-1,Windows 11,Personnel,2024-03-01 08:15:00.0000000\n,PC-2,Windows,Personal,\nid-3,"Zoë\'s') });
worker.postMessage({ type: 'bytes', bytes: new TextEncoder().encode('\niPad",iPadOS,Corporate,\n') });
worker.postMessage({ type: 'finish' });
while (answers.length < 3) await once(worker, 'message');
await worker.terminate();

// Mapped values in the device store's fact order: intuneDeviceId 0, name 6, platform 8, ownership 13, ownershipRaw 14, enrolledAt 22.
const picked = ({ records }) => {
  const out = [];
  for (let record = 0; record < records.recordLines.length; record++) {
    const value = (index) => {
      const at = records.recordStarts[record] + index;
      return records.text.slice(at === 0 ? 0 : records.cellEnds[at - 1], records.cellEnds[at]);
    };
    out.push([records.recordLines[record], ...[0, 6, 8, 13, 14, 22].map(value)]);
  }
  return out;
};
assert.deepEqual(picked(answers[0].staged), [[2, 'id-1', 'PC-1', 'windows', 'personal', 'Personnel', '2024-03-01T08:15:00.000Z']]);
assert.deepEqual(answers[0].staged.issues, [{ line: 3, column: 'Device ID', reason: 'Device ID is empty', severity: 'error' }]);
assert.deepEqual(picked(answers[1].staged), [[4, 'id-3', "Zoë's\niPad", 'ipados', 'company', 'Corporate', '']]);
assert.deepEqual(picked(answers[2].staged), []);
console.log('dist-electron/csvTokenizerWorker.js tokenizes and maps under plain Node.');
