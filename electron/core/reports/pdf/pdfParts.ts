import type { Content, ContextPageSize, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Severity } from '../../rules/index.js';
import { SEVERITY_LABEL } from '../labels.js';
import type { ReportModel } from '../reportModel.js';

export type Paper = 'a4' | 'letter';

/** The app's severity colours (the findings screen's badges), kept on paper: fill and text. */
export const SEVERITY_COLOUR: Readonly<Record<Severity, { fill: string; text: string }>> = {
  blocker: { fill: '#C4262E', text: '#FFFFFF' },
  high: { fill: '#DA3B01', text: '#FFFFFF' },
  medium: { fill: '#F2C200', text: '#2B2B2B' },
  low: { fill: '#0F6CBD', text: '#FFFFFF' },
  info: { fill: '#8A8886', text: '#FFFFFF' },
};

export const MUTED = '#605E5C';
export const RULE_LINE = '#C8C6C4';
export const HEADER_FILL = '#F3F2F1';
const REDACTED_COLOUR = '#B00020';

/** A severity badge as a table cell, filled with the severity's colour. */
export function severityCell(severity: Severity): TableCell {
  const colour = SEVERITY_COLOUR[severity];
  return { text: SEVERITY_LABEL[severity], fillColor: colour.fill, color: colour.text, bold: true, fontSize: 7, alignment: 'center', margin: [0, 1, 0, 0] };
}

/** "2019-06-14" from an ISO time; "not set" for none. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'not set';
}

/** "2019-06-14 09:00 UTC". */
export function minute(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}

export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function plural(value: number, one: string, many = `${one}s`): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

/** Text with `code` spans (cmdlets, console paths in the rule texts) shaded, without the backticks. */
export function richText(text: string): Content {
  const parts = text.split('`');
  if (parts.length === 1) return { text };
  return { text: parts.map((part, index) => (index % 2 === 1 ? { text: part, background: '#EDEBE9', color: '#201F1E' } : part)) };
}

/**
 * pdfmake's `headlineLevel` mark of a heading, read by documentFrame's pageBreakBefore: a
 * heading in the last quarter of a page moves to the next one, with what it introduces.
 */
export const HEADING = 1;
/** How far down the page's body a heading may start (0 top, 1 bottom). */
const HEADING_LOWEST = 0.75;

/** A table with a shaded header row that repeats on every page it spans. */
export function table(widths: (string | number)[], header: string[], body: TableCell[][], fontSize = 8): Content {
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      widths,
      dontBreakRows: true,
      body: [header.map((text) => ({ text, bold: true, fillColor: HEADER_FILL, fontSize })), ...body.map((row) => row.map((cell) => withSize(cell, fontSize)))],
    },
    layout: {
      hLineWidth: (index: number) => (index === 0 || index === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => RULE_LINE,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 2, 0, 8],
  };
}

function withSize(cell: TableCell, fontSize: number): TableCell {
  if (cell === null || cell === undefined) return { text: '', fontSize };
  if (typeof cell === 'string' || typeof cell === 'number') return { text: String(cell), fontSize };
  return { fontSize, ...(cell as object) } as TableCell;
}

/** A section heading; it never ends a page without the content it introduces (pageBreakBefore). */
export function heading(text: string, level: 1 | 2 = 1): Content {
  return level === 1
    ? { text, fontSize: 14, bold: true, color: '#201F1E', margin: [0, 12, 0, 6], headlineLevel: HEADING }
    : { text, fontSize: 10.5, bold: true, color: '#201F1E', margin: [0, 8, 0, 3], headlineLevel: HEADING };
}

export function note(text: string): Content {
  return { text, fontSize: 8, color: MUTED, margin: [0, 0, 0, 6] };
}

/**
 * The frame both PDFs share: paper size and margins; a header with the customer, the data
 * date and the snapshot hash (and a red REDACTED mark on redacted reports); a footer with
 * "Page X of Y"; document info dated from the snapshot, never the clock.
 */
export function documentFrame(model: ReportModel, title: string, paper: Paper, content: Content[], options: { headingBreaks: boolean }): TDocumentDefinitions {
  const reportDate = new Date(model.meta.reportDate);
  const customer = model.engagement.customer || 'MDM migration';
  const redacted = model.meta.redacted;
  return {
    pageSize: paper === 'a4' ? 'A4' : 'LETTER',
    pageMargins: [40, 62, 40, 46],
    info: {
      title: `${title}: ${customer}`,
      author: model.meta.generator,
      subject: `Snapshot ${model.meta.snapshotHash}${redacted ? ' (redacted)' : ''}`,
      creator: `${model.meta.generator} ${model.meta.appVersion}`,
      producer: `${model.meta.generator} ${model.meta.appVersion} (pdfmake)`,
      creationDate: reportDate,
      modDate: reportDate,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15, color: '#201F1E' },
    header: (_page: number, _pages: number, size: ContextPageSize): Content => ({
      margin: [40, 22, 40, 0],
      stack: [
        {
          columns: [
            { width: '*', text: [{ text: `${customer}  `, bold: true, fontSize: 9 }, { text: title, fontSize: 9, color: MUTED }] },
            redacted ? { width: 'auto', text: 'REDACTED', bold: true, fontSize: 9, color: REDACTED_COLOUR } : { width: 'auto', text: '' },
          ],
        },
        {
          text: `Data as of ${day(model.engagement.dataAsOf)}   ·   Snapshot sha256 ${model.meta.snapshotHash}`,
          fontSize: 6.5,
          color: MUTED,
          margin: [0, 2, 0, 0],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: size.width - 80, y2: 4, lineWidth: 0.5, lineColor: RULE_LINE }] },
      ],
    }),
    footer: (page: number, pages: number): Content => ({
      margin: [40, 14, 40, 0],
      columns: [
        { text: `${model.meta.generator} ${model.meta.appVersion}   ·   Report date ${day(model.meta.reportDate)}${redacted ? '   ·   REDACTED: pseudonyms replace names, UPNs, serials, IMEIs and Apple IDs' : ''}`, fontSize: 6.5, color: MUTED },
        { text: `Page ${page} of ${pages}`, fontSize: 7.5, alignment: 'right', width: 'auto' },
      ],
    }),
    // A heading never ends a page: low on a page it moves to the next with what it introduces.
    // (pdfmake lays the document out again after each break it adds; tables record the page
    // they were first tried on, so asking which nodes follow on the page is not reliable.)
    // Drawn checkboxes in table cells come out misplaced after such a relayout, so the checklist
    // keeps its headings in its tables' repeated header rows instead.
    pageBreakBefore: options.headingBreaks ? (node) => node.headlineLevel === HEADING && (node.startPosition?.verticalRatio ?? 0) > HEADING_LOWEST : undefined,
    content,
  };
}
