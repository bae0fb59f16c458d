// Runs `mdm-migrate report` from the CLI bundle the build emits (dist-electron/cli.js, after
// `npm run build`) under plain Node: the tests drive the report writers from the TypeScript
// sources, so this shows the bundle carries pdfmake's fonts, finds the workbook worker beside
// it, and prints nothing on stderr.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const bundle = new URL('../../dist-electron/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  console.error(`${bundle.pathname} is missing: run npm run build first.`);
  process.exit(1);
}
const { main } = await import(bundle.href);
const dir = mkdtempSync(join(tmpdir(), 'mdm-bundled-report-'));
try {
  let stderr = '';
  const io = {
    stdout: new Writable({ write: (_chunk, _encoding, done) => done() }),
    stderr: new Writable({
      write(chunk, _encoding, done) {
        stderr += String(chunk);
        done();
      },
    }),
  };
  const db = join(dir, 'demo.mdmsnap');
  assert.equal(await main(['demo', '--out', db, '--devices', '300'], io), 0);
  const out = join(dir, 'reports');
  assert.equal(await main(['report', '--db', db, '--out', out, '--redact'], io), 0, stderr);
  assert.equal(stderr, '');
  assert.deepEqual(readdirSync(out).sort(), ['checklist.pdf', 'deadlines.ics', 'devices-category.csv', 'devices-userless.csv', 'findings.csv', 'report.json', 'report.pdf', 'report.xlsx']);
  for (const pdf of ['checklist.pdf', 'report.pdf']) assert.equal(readFileSync(join(out, pdf)).subarray(0, 5).toString(), '%PDF-');
  assert.equal(readFileSync(join(out, 'report.xlsx')).subarray(0, 2).toString(), 'PK');
  console.log('dist-electron/cli.js writes the report set under plain Node.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
