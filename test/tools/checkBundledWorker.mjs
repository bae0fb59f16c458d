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
const worker = new Worker(entry, { workerData: { delimiter: ',', maxRecordChars: 1_000_000, remainder: { text: 'x,"multi', line: 2 } } });
const answers = [];
worker.on('message', (message) => answers.push(message));
worker.postMessage({ type: 'bytes', bytes: new TextEncoder().encode('\nline",y\nZoë,') });
worker.postMessage({ type: 'finish' });
while (answers.length < 2) await once(worker, 'message');
await worker.terminate();

const cells = (batch) => {
  const out = [];
  for (let record = 0; record < batch.recordLines.length; record++) {
    const row = [];
    for (let at = batch.recordStarts[record]; at < batch.recordStarts[record + 1]; at++) row.push(batch.text.slice(at === 0 ? 0 : batch.cellEnds[at - 1], batch.cellEnds[at]));
    out.push([batch.recordLines[record], ...row]);
  }
  return out;
};
assert.deepEqual(cells(answers[0].batch), [[2, 'x', 'multi\nline', 'y']]);
assert.deepEqual(cells(answers[1].batch), [[4, 'Zoë', '']]);
console.log('dist-electron/csvTokenizerWorker.js tokenizes under plain Node.');
