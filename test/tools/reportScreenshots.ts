/**
 * `npm run screenshots:reports`: writes the report set of a demo engagement (the tests'
 * engagedDemo: decisions, a moved wave, an override, a recorded switch) into
 * test-results/reports/, and renders chosen pages of both PDFs with poppler's pdftoppm at
 * 60 dpi into docs/screenshots/report-*.png and checklist-*.png for review.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FILES } from '../../electron/core/reports/index.js';
import { writeReportSet } from '../../electron/core/reports/writeReportSet.js';
import { engagedDemo } from '../unit/reports/reportFixture.js';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-results', 'reports');
const screenshots = join(root, 'docs', 'screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const snapshot = engagedDemo(out, 2000, 1);
try {
  await writeReportSet(snapshot, out);
} finally {
  snapshot.close();
}

function pages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

function render(pdf: string, prefix: string, chosen: (count: number) => number[]): void {
  const count = pages(pdf);
  chosen(count).forEach((page, index) => {
    const target = join(screenshots, `${prefix}-${index + 1}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, target]);
    console.log(`${target}.png: page ${page} of ${count}`);
  });
}

// The report: cover and summary, the findings table, the first flagged lists, the last two pages (waves, timeline, decisions, appendices).
render(join(out, REPORT_FILES.reportPdf), 'report', (count) => [1, 2, 4, count - 1, count]);
// The checklist: the first page and the sign-off page.
render(join(out, REPORT_FILES.checklistPdf), 'checklist', (count) => [1, count]);
