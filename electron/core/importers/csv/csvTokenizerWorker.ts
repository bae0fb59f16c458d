// Worker thread entry: tokenizes and stages a big CSV export's bytes while the import thread
// writes the records of the previous chunks into SQLite (see offThreadTokenizer.ts for the protocol).
import { parentPort, workerData } from 'node:worker_threads';
import { rowMapperById } from '../kinds/rowMappers.js';
import { ByteTokenizer } from './chunkTokenizer.js';
import { CsvSyntaxError, CsvTokenizer } from './csvTokenizer.js';
import type { TokenizerRequest, TokenizerResponse, TokenizerStart } from './offThreadTokenizer.js';
import { stagedBuffers } from './recordStage.js';

const start = workerData as TokenizerStart;
const tokenizer = new ByteTokenizer(new CsvTokenizer(start.delimiter, start.maxRecordBytes, start.firstLine));
let failed = false;

function reply(response: TokenizerResponse): void {
  parentPort!.postMessage(response, response.staged ? stagedBuffers(response.staged) : []);
}

parentPort!.on('message', (request: TokenizerRequest) => {
  if (request.type === 'stageWith') {
    tokenizer.stageWith(request.spec, request.mapper === null ? null : rowMapperById(request.mapper));
    return;
  }
  // After a failure every later request gets the same answer: the import thread stops at the first.
  if (failed) return reply({ error: { reason: 'stopped' } });
  try {
    reply({ staged: request.type === 'bytes' ? tokenizer.push(request.bytes) : tokenizer.finish() });
  } catch (error) {
    failed = true;
    reply({ error: error instanceof CsvSyntaxError ? { reason: error.reason, line: error.line } : { reason: 'failed', message: (error as Error).message } });
  }
});
