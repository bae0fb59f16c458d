import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportSet } from '../../../electron/core/reports/writeReportSet.js';
import { tickCheck } from '../../../electron/core/wizard/index.js';
import { reportsHandlers } from '../../../electron/services/reportsHandlers.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import { useTempDir } from '../../support/tempDir.js';
import { engagedDemo } from './reportFixture.js';

describe("the Reports page's PDFs", () => {
  const tempDir = useTempDir();

  it('previews and saves, one at a time, the very PDFs mdm-migrate report writes for the same options', async () => {
    const snapshot = engagedDemo(tempDir(), 300);
    try {
      const dialogs = new ScriptedDialogs();
      const handlers = reportsHandlers(() => snapshot, dialogs, () => undefined, undefined);
      for (const options of [{ paper: 'a4', redact: false }, { paper: 'letter', redact: true }] as const) {
        const set = join(tempDir(), `set-${options.paper}`);
        mkdirSync(set);
        await writeReportSet(snapshot, set, options);
        for (const [document, file] of [['report', 'report.pdf'], ['checklist', 'checklist.pdf']] as const) {
          const fromCli = readFileSync(join(set, file));
          const preview = await handlers['reports.pdf']({ document, ...options });
          expect(preview.fileName).toBe(file);
          expect(Buffer.from(preview.base64, 'base64').equals(fromCli), `${document} ${options.paper} preview`).toBe(true);

          const path = join(tempDir(), `${document}-${options.paper}.pdf`);
          dialogs.pdfAnswers.push(path);
          expect(await handlers['reports.savePdf']({ document, ...options })).toEqual({ path });
          expect(readFileSync(path).equals(fromCli), `${document} ${options.paper} saved`).toBe(true);
        }
      }
      expect(await handlers['reports.savePdf']({ document: 'report', paper: 'a4', redact: false })).toBeNull();
    } finally {
      snapshot.close();
    }
  });

  it('shows a change to the snapshot in the next preview and PDF (the model is built again, not reused)', async () => {
    const snapshot = engagedDemo(tempDir(), 200);
    try {
      const handlers = reportsHandlers(() => snapshot, new ScriptedDialogs(), () => undefined, undefined);
      const before = await handlers['reports.preview']({});
      const pdfBefore = await handlers['reports.pdf']({ document: 'checklist', paper: 'a4', redact: false });
      expect(await handlers['reports.preview']({})).toEqual(before);
      tickCheck(snapshot, { checkId: 'm-wave-plan', by: 'Ann Consultant', note: 'Reviewed with the customer', now: new Date('2026-12-08T10:00:00Z') });
      const after = await handlers['reports.preview']({});
      expect(after.wizard.done).toBe(before.wizard.done + 1);
      const pdfAfter = await handlers['reports.pdf']({ document: 'checklist', paper: 'a4', redact: false });
      expect(pdfAfter.base64).not.toBe(pdfBefore.base64);
    } finally {
      snapshot.close();
    }
  });
});
