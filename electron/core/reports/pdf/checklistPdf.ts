import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { ReportCheck, ReportModel, ReportStep } from '../reportModel.js';
import { count, day, documentFrame, HEADER_FILL, minute, MUTED, RULE_LINE, type Paper } from './pdfParts.js';

const STATE_LABEL: Readonly<Record<ReportStep['state'], string>> = { not_started: 'Not started', in_progress: 'In progress', done: 'Done', blocked: 'Blocked' };
const STATE_COLOUR: Readonly<Record<ReportStep['state'], string>> = { not_started: MUTED, in_progress: '#0F6CBD', done: '#107C10', blocked: '#C4262E' };
const CHECK_LABEL: Readonly<Record<ReportCheck['state'], string>> = { done: 'Done', open: 'Open', unknown: 'Not evaluated' };
const CHECK_COLOUR: Readonly<Record<ReportCheck['state'], string>> = { done: '#107C10', open: '#201F1E', unknown: '#8A6D00' };
const KIND_LABEL: Readonly<Record<ReportCheck['kind'], string>> = { automatic: 'from the data', manual: 'ticked by hand', question: 'tenant fact' };

/** A drawn checkbox (the font has no ballot-box glyph), ticked when the check is done. */
function checkbox(done: boolean): Content {
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: 8, h: 8, lineWidth: 0.8, lineColor: '#201F1E' },
      ...(done
        ? [{ type: 'polyline' as const, points: [{ x: 1.6, y: 5 }, { x: 3.6, y: 7.4 }, { x: 7.2, y: 2.2 }], lineWidth: 1.3, lineColor: '#107C10' }]
        : []),
    ],
  };
}

function who(check: ReportCheck): string {
  if (check.kind === 'manual') return check.by ? `${check.by}\n${minute(check.at)}` : '';
  return check.state === 'done' ? `(${KIND_LABEL[check.kind]})` : '';
}

function stepRows(step: ReportStep): TableCell[][] {
  const title: TableCell = {
    colSpan: 5,
    fillColor: HEADER_FILL,
    columns: [
      { width: '*', text: [{ text: `${step.id}  `, bold: true, color: MUTED }, { text: step.title, bold: true }] },
      {
        width: 'auto',
        text: `${STATE_LABEL[step.state]}${step.total > 0 ? `  ·  ${step.done}/${step.total}` : ''}${step.recorded ? `  ·  recorded ${minute(step.recorded.at)} by ${step.recorded.by}` : ''}`,
        color: STATE_COLOUR[step.state],
        bold: true,
        fontSize: 7.5,
      },
    ],
  };
  const checks = step.checks.map((check): TableCell[] => [
    checkbox(check.state === 'done'),
    {
      stack: [
        { text: [check.label, check.required ? '' : { text: '  (optional)', color: MUTED }] },
        ...(check.kind !== 'manual' || check.state !== 'done' ? [{ text: check.detail, fontSize: 7, color: MUTED }] : []),
      ],
    },
    { text: CHECK_LABEL[check.state], color: CHECK_COLOUR[check.state], bold: check.state !== 'done' },
    { text: who(check), fontSize: 7 },
    { text: check.note ?? '', fontSize: 7 },
  ]);
  if (checks.length === 0) checks.push(['', { text: 'No checks: read and follow the step.', color: MUTED, colSpan: 4 }, '', '', '']);
  const signOffs = step.signOffs.map((signOff): TableCell[] => [
    '',
    { text: [{ text: 'Signed off ', color: MUTED }, `${signOff.by}${signOff.role ? ` (${signOff.role})` : ''}`], colSpan: 2 },
    '',
    { text: minute(signOff.at), fontSize: 7 },
    { text: signOff.note, fontSize: 7 },
  ]);
  return [[title, '', '', '', ''], ...checks, ...signOffs];
}

function signOff(role: string): Content {
  const line = (label: string, width: number): Column => ({
    width,
    stack: [{ canvas: [{ type: 'line', x1: 0, y1: 18, x2: width - 12, y2: 18, lineWidth: 0.6, lineColor: '#201F1E' }] }, { text: label, fontSize: 7, color: MUTED, margin: [0, 2, 0, 0] }],
  });
  return {
    unbreakable: true,
    margin: [0, 10, 0, 0],
    stack: [{ text: `Signed off for the ${role}`, bold: true, margin: [0, 0, 0, 2] }, { columns: [line('Name', 190), line('Date', 90), line('Signature', 230)] }],
  };
}

/**
 * checklist.pdf: every phase and step of the engagement's playbook, each check with a box,
 * its state, who ticked it and when, and the note; sign-off lines for consultant and customer.
 */
export function checklistDocument(model: ReportModel, paper: Paper): TDocumentDefinitions {
  const { wizard } = model;
  const content: Content[] = [
    { text: 'Migration checklist', fontSize: 20, bold: true, margin: [0, 0, 0, 2] },
    { text: `${wizard.playbook.title} (playbook version ${wizard.playbook.version})`, fontSize: 10, color: MUTED, margin: [0, 0, 0, 8] },
    {
      table: {
        widths: [70, '*', 70, '*'],
        body: [
          [{ text: 'Customer', color: MUTED }, { text: model.engagement.customer || 'not set', bold: true }, { text: 'Data as of', color: MUTED }, day(model.engagement.dataAsOf)],
          [{ text: 'Consultant', color: MUTED }, model.engagement.consultant || 'not set', { text: 'Planned switch', color: MUTED }, day(model.engagement.plannedSwitchDate)],
          [
            { text: 'Progress', color: MUTED },
            { colSpan: 3, text: `${count(wizard.progress.done)} of ${count(wizard.progress.total)} checks done, ${count(wizard.progress.requiredOpen)} required checks open` },
            '',
            '',
          ],
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 4],
    },
    {
      text: 'Automatic checks are read from the snapshot; manual checks show who ticked them and when. Tick the boxes by hand as the work is done, then record them in the app.',
      fontSize: 8,
      color: MUTED,
      margin: [0, 0, 0, 6],
    },
  ];
  for (const phase of wizard.phases) {
    // The phase's title and summary are the table's first header rows: they repeat on every
    // page the phase spans, and a title can never end a page without its first step.
    const title: TableCell = {
      colSpan: 5,
      border: [false, false, false, false],
      stack: [
        {
          columns: [
            { width: '*', text: `Phase ${phase.id}: ${phase.title}`, fontSize: 12.5, bold: true },
            { width: 'auto', text: `${STATE_LABEL[phase.state]}  ·  ${phase.done}/${phase.total}`, color: STATE_COLOUR[phase.state], bold: true, fontSize: 8.5, margin: [0, 3, 0, 0] },
          ],
        },
        { text: phase.summary, fontSize: 8, color: MUTED, margin: [0, 1, 0, 2] },
      ],
    };
    content.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, widths: [10, '*', 48, 88, 100], dontBreakRows: true, body: [[title, '', '', '', ''], headerRow(), ...phase.steps.flatMap(stepRows)] },
      layout: { hLineWidth: (index: number) => (index === 0 ? 0 : 0.4), vLineWidth: () => 0, hLineColor: () => RULE_LINE, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: 8,
      margin: [0, 10, 0, 6],
    });
  }
  content.push({
    unbreakable: true,
    stack: [
      { text: 'Sign-off', fontSize: 14, bold: true, margin: [0, 16, 0, 2] },
      { text: 'We confirm the steps above are done as recorded, and that the open items are known and accepted.', fontSize: 8.5, margin: [0, 0, 0, 2] },
      signOff('consultant'),
      signOff('customer'),
    ],
  });
  return documentFrame(model, 'Migration checklist', paper, content, { headingBreaks: false });
}

function headerRow(): TableCell[] {
  return ['', 'Check', 'State', 'Ticked by, when', 'Notes'].map((text) => ({ text, bold: true, fontSize: 7.5, color: MUTED }));
}
