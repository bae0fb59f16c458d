import { mkdirSync, statSync } from 'node:fs';
import { UserFacingError } from '../../core/errors.js';
import type { Paper } from '../../core/reports/index.js';
import { REPORT_FILES } from '../../core/reports/reportFiles.js';
import { DEFAULT_STALE_DAYS } from '../../core/rules/index.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { parseFlags, requiredFlag, wholeNumberFlag } from '../parseFlags.js';

const PAPERS: readonly Paper[] = ['a4', 'letter'];

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Write the report set: checklist and report PDFs, workbook, CSVs, JSON and calendar',
  usage: [
    'mdm-migrate report --db FILE --out DIR [--redact] [--paper a4|letter] [--stale-days N]',
    '',
    `Writes into DIR (created if missing): ${Object.values(REPORT_FILES).join(', ')}.`,
    '--redact replaces UPNs, names, device names, serials, IMEIs and Apple IDs by pseudonyms.',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      db: { type: 'string' },
      out: { type: 'string' },
      redact: { type: 'boolean', default: false },
      paper: { type: 'string' },
      'stale-days': { type: 'string' },
    });
    const file = requiredFlag(this, values.db, '--db');
    const out = requiredFlag(this, values.out, '--out');
    const paper = (values.paper ?? 'a4').toLowerCase() as Paper;
    if (!PAPERS.includes(paper)) throw new UsageError(`--paper must be a4 or letter, got "${values.paper}"`, this);
    const staleDays = wholeNumberFlag(this, values['stale-days'], '--stale-days', DEFAULT_STALE_DAYS, { min: 1, max: 3650 });

    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      try {
        mkdirSync(out, { recursive: true });
      } catch (error) {
        throw new UserFacingError('invalid_input', `${out}: cannot be created as a folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      }
      if (!statSync(out).isDirectory()) throw new UserFacingError('invalid_input', `${out} is a file, not a folder.`);
      // Progress goes to stderr, and only on a terminal: piped output stays clean.
      const tty = io.stderr.isTTY === true;
      // The PDF writer (pdfmake) and the report's lists worker load only when a report is written,
      // so every other command, and --help, starts without parsing them.
      const { writeReportSet } = await import('../../core/reports/writeReportSet.js');
      const result = await writeReportSet(snapshot, out, {
        paper,
        redact: values.redact,
        staleDays,
        onProgress: tty ? ({ file: name, index, total }) => io.stderr.write(`\r[${index + 1}/${total}] writing ${name.padEnd(28)}`) : undefined,
      });
      if (tty) io.stderr.write('\r\x1b[K');
      io.stdout.write(`Wrote ${result.files.length} files to ${out}${values.redact ? ' (redacted)' : ''}: ${result.files.join(', ')}\n`);
      return 0;
    } finally {
      snapshot.close();
    }
  },
};
