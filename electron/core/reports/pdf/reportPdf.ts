import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FindingItem, ItemKindName } from '../../rules/index.js';
import { SEVERITIES } from '../../rules/types.js';
import { DECISION_LABEL } from '../labels.js';
import { REPORT_FILES } from '../reportFiles.js';
import type { FlaggedList, ReportModel } from '../reportModel.js';
import { count, day, documentFrame, HEADING, heading, minute, MUTED, note, plural, richText, severityCell, SEVERITY_COLOUR, table, type Paper } from './pdfParts.js';

/** Columns of a list's preview table, per item kind: enough to find the item, not every field. */
const PREVIEW: Readonly<Record<ItemKindName, { widths: (string | number)[]; header: string[]; cells: (item: FindingItem) => TableCell[] }>> = {
  device: {
    widths: [92, 70, 40, 110, '*'],
    header: ['Device', 'Serial number', 'Platform', 'User', 'Why listed'],
    cells: (i) => (i.type === 'device' ? [i.name ?? '', i.serialNumber ?? '', i.platform, i.userPrincipalName ?? 'none', i.detail ?? ''] : []),
  },
  user: {
    widths: [110, 140, '*'],
    header: ['User', 'User principal name', 'Why listed'],
    cells: (i) => (i.type === 'user' ? [i.name ?? '', i.userPrincipalName ?? '', i.detail ?? ''] : []),
  },
  collection: {
    widths: [60, 150, '*'],
    header: ['Collection', 'Name', 'Why listed'],
    cells: (i) => (i.type === 'collection' ? [i.id, i.name, i.detail ?? ''] : []),
  },
  tenant: { widths: [150, '*'], header: ['Tenant', 'Why listed'], cells: (i) => [i.name ?? '', i.detail ?? ''] },
  apnsCertificate: appleTokenPreview(),
  depToken: appleTokenPreview(),
  vppToken: appleTokenPreview(),
};

function appleTokenPreview() {
  return {
    widths: [150, 120, '*'] as (string | number)[],
    header: ['Token', 'Apple ID', 'Why listed'],
    cells: (i: FindingItem): TableCell[] => [i.name ?? '', 'appleId' in i ? (i.appleId ?? 'unknown') : '', i.detail ?? ''],
  };
}

function factsTable(rows: [string, string][]): Content {
  return {
    table: { widths: [120, '*'], body: rows.map(([label, value]) => [{ text: label, color: MUTED }, { text: value }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

function summary(model: ReportModel): Content[] {
  const { readiness, inventory } = model;
  const platforms = inventory.devicesByPlatform.map((p) => `${p.platform} ${count(p.count)}`).join(', ');
  return [
    heading('Summary'),
    {
      text: `${plural(inventory.devices, 'device')} (${platforms || 'none'}), ${plural(inventory.users, 'user')} and ${plural(inventory.collections, 'collection')} in the snapshot. ` +
        `${plural(readiness.findings.filter((f) => f.evaluated).length, 'rule')} evaluated, ${count(readiness.notEvaluated)} not evaluated for lack of data.`,
      margin: [0, 0, 0, 6],
    },
    table(
      [62, 110, 90],
      ['Severity', 'Findings with open items', 'Open items'],
      SEVERITIES.map((severity) => [severityCell(severity), { text: count(readiness.findingsBySeverity[severity]), alignment: 'right' }, { text: count(readiness.openItemsBySeverity[severity]), alignment: 'right' }]),
    ),
    heading('What blocks the switch', 2),
    readiness.blocksSwitch.length === 0
      ? { text: 'No blocker finding is open: nothing in the data keeps the switch closed.', margin: [0, 0, 0, 6] }
      : {
          ul: readiness.blocksSwitch.map((b) => ({
            text: [{ text: `${b.rule}  `, bold: true }, b.title, { text: b.evaluated ? `: ${plural(b.openCount, 'open item')}` : ': not evaluated (a blocker nobody has checked is not a pass)', color: MUTED }],
          })),
          margin: [0, 0, 0, 6],
        },
    note(
      `Wizard: ${count(model.wizard.progress.done)} of ${count(model.wizard.progress.total)} checks done, ${count(model.wizard.progress.requiredOpen)} required checks open; ` +
        (model.wizard.switchRecorded ? `switch recorded ${minute(model.wizard.switchRecorded.at)} by ${model.wizard.switchRecorded.by}.` : 'the switch is not recorded yet.') +
        ` The step-by-step checklist is ${REPORT_FILES.checklistPdf}.`,
    ),
  ];
}

function apnsBox(model: ReportModel): Content[] {
  const apns = model.apns;
  if (!apns) return [heading('APNs certificate', 2), note('No APNs certificate is in the snapshot: import applePushNotificationCertificate from Graph or the Apple token template.')];
  const expiry = apns.expiresAt
    ? `${day(apns.expiresAt)} (${apns.daysLeft! >= 0 ? `${plural(apns.daysLeft!, 'day')} after the report date` : `expired ${plural(-apns.daysLeft!, 'day')} before the report date`})`
    : 'unknown';
  return [
    {
      unbreakable: true,
      margin: [0, 8, 0, 10],
      table: {
        widths: ['*'],
        body: [
          [
            {
              fillColor: '#FFF4CE',
              margin: [8, 6, 8, 6],
              stack: [
                { text: 'APNs certificate: renew, never replace', bold: true, fontSize: 11, margin: [0, 0, 0, 4] },
                factsTable([
                  ['Apple ID', apns.appleId ?? 'unknown: find it before the certificate expires'],
                  ['Topic', apns.topic ?? 'unknown'],
                  ['Expires', expiry],
                  ['Grace period ends', apns.graceEndsAt ? day(apns.graceEndsAt) : 'unknown'],
                  ['Confirmed after the switch', apns.confirmation ? `${apns.confirmation.by}, ${day(apns.confirmation.at)}${apns.confirmation.note ? `: ${apns.confirmation.note}` : ''}` : 'not yet'],
                ]),
                { text: 'Renew the same certificate with the same Apple ID.', bold: true, color: '#8A3A00' },
                { text: `${apns.renewalRule} Sources: ${apns.sources.join(', ')}.`, fontSize: 8, color: MUTED, margin: [0, 2, 0, 0] },
              ],
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 1, vLineWidth: () => 1, hLineColor: () => '#C19C00', vLineColor: () => '#C19C00' },
    },
  ];
}

function findingsOverview(model: ReportModel): Content[] {
  return [
    heading('All findings'),
    note('Every rule of the migration brief, blockers first. "Not evaluated" means the snapshot lacks the data the rule needs; it is not a pass.'),
    table(
      [50, 118, '*', 38, 38],
      ['Severity', 'Rule', 'Finding', 'Items', 'Decided'],
      model.readiness.findings.map((f) => [
        severityCell(f.severity),
        { text: f.rule, fontSize: 7 },
        f.evaluated ? f.title : { text: [f.title, { text: ` (not evaluated: needs ${f.needs})`, color: MUTED }] },
        { text: f.evaluated ? count(f.count) : 'n/e', alignment: 'right' },
        { text: f.evaluated && f.decidedCount > 0 ? count(f.decidedCount) : '', alignment: 'right' },
      ]),
      7.5,
    ),
  ];
}

function flaggedList(list: FlaggedList): Content[] {
  const preview = PREVIEW[list.itemType];
  const colour = SEVERITY_COLOUR[list.severity];
  const where = `All ${count(list.count)} are in ${REPORT_FILES.workbook} (sheet ${list.sheet}) and ${list.csv}${list.csv === REPORT_FILES.findingsCsv ? ` (rows with rule ${list.rule})` : ''}.`;
  return [
    {
      headlineLevel: HEADING,
      margin: [0, 10, 0, 3],
      table: {
        widths: [50, '*'],
        body: [[severityCell(list.severity), { text: [{ text: `${list.rule}  `, bold: true }, list.title], fontSize: 10 }]],
      },
      layout: { hLineWidth: (i: number) => (i === 1 ? 1 : 0), vLineWidth: () => 0, hLineColor: () => colour.fill, paddingLeft: (i: number) => (i === 0 ? 0 : 6) },
    },
    {
      text: `${plural(list.count, 'item')}, ${count(list.openCount)} open. ${list.rows.length < list.count ? `The first ${list.rows.length} are shown. ` : ''}${where}`,
      fontSize: 8,
      color: MUTED,
      margin: [0, 0, 0, 3],
    },
    { text: 'What to do', bold: true, fontSize: 8.5, margin: [0, 2, 0, 1] },
    { ol: list.remediation.map(richText), fontSize: 8, margin: [0, 0, 0, 3] },
    table(preview.widths, preview.header, list.rows.map(preview.cells), 7),
  ];
}

function waves(model: ReportModel): Content[] {
  return [
    heading('Waves'),
    model.waves.length === 0
      ? note('No waves are planned yet. Users move in waves during mixed authority; plan them on the Waves page.')
      : table(
          ['*', 50, 50, 50, 60, 70, 70],
          ['Wave', 'State', 'Users', 'Devices moving', 'Devices not moving', 'Moved', 'Verified'],
          model.waves.map((w) => [
            `${w.name}${w.pilot ? ' (pilot)' : ''}`,
            w.state,
            count(w.users),
            count(w.movingDevices),
            count(w.nonMovingDevices),
            minute(w.movedAt),
            minute(w.verifiedAt),
          ]),
        ),
  ];
}

/** Each later export against the baseline, per wave: the "counts over time" of the migration (brief §7.2). */
function reconciliation(model: ReportModel): Content[] {
  if (model.reconciliation.length === 0) return [];
  const row = (label: string, counts: ReportModel['reconciliation'][number]['overall']) => [
    label,
    count(counts.checked_in),
    count(counts.stale),
    count(counts.not_found),
    count(counts.userless_pending_support),
    count(counts.total),
  ];
  return [
    heading('Reconciliation'),
    note(
      'Each later Intune export compared with the baseline: a device checked in under Intune since its wave moved (or since the switch), ' +
        'was seen but has not checked in since, was not found, or is userless and not found (a Microsoft Support case).',
    ),
    ...model.reconciliation.flatMap((batch) => [
      { text: `${batch.label} (${batch.files.join(', ')}; ${count(batch.devicesInExport)} devices in the export)`, bold: true, fontSize: 9, margin: [0, 4, 0, 2] } as Content,
      table(
        ['*', 55, 45, 55, 70, 45],
        ['Wave', 'Checked in', 'Stale', 'Not found', 'Userless, support', 'Devices'],
        [...batch.byWave.map((wave) => row(wave.wave, wave.counts)), row('All MDM devices', batch.overall)],
      ),
    ]),
  ];
}

function timeline(model: ReportModel): Content[] {
  const statusText = { waiting: 'waiting', upcoming: 'upcoming', passed: 'passed' } as const;
  return [
    heading('Switch timeline'),
    note(
      model.wizard.switchRecorded
        ? `Deadlines measured from the events recorded in the wizard; status as of the report date, ${day(model.meta.reportDate)}.`
        : 'The switch is not recorded yet: the deadlines measured from it are listed with the event they wait for.',
    ),
    table(
      [130, 92, 46, '*'],
      ['Deadline', 'When', 'Status', 'What should have happened'],
      model.timeline.map((entry) => [
        { text: entry.label, bold: true },
        entry.at ? `${entry.kind === 'by' ? 'by ' : ''}${minute(entry.at)}` : { text: `after: ${entry.after ?? ''}`, color: MUTED },
        statusText[entry.status],
        { text: `${entry.description} (${entry.sources.join(', ')})`, fontSize: 7 },
      ]),
    ),
  ];
}

function overridesAndDecisions(model: ReportModel): Content[] {
  const { decisions } = model;
  return [
    heading('Overrides and decisions'),
    heading('Gate overrides', 2),
    model.overrides.length === 0
      ? note('No gate was overridden.')
      : table(
          [80, '*', 80, 120],
          ['Step', 'Justification', 'By, when', 'Open at the time'],
          model.overrides.map((o) => [
            `${o.stepId}: ${o.stepTitle}`,
            o.justification,
            `${o.by}\n${minute(o.at)}`,
            // The rule ids, and the checks only counted: dozens of check labels would outgrow a page.
            { text: `${o.openBlockers.length > 0 ? `Blockers: ${o.openBlockers.join(', ')}. ` : ''}${plural(o.openChecks.length, 'required check')} open.`, fontSize: 6.5 },
          ]),
        ),
    heading('Decisions on findings', 2),
    note(
      `${plural(decisions.total, 'decision')}: ${count(decisions.acceptedRisk)} accepted risk, ${count(decisions.resolvedOutside)} resolved outside the tool.` +
        (decisions.rows.length < decisions.total ? ` The newest ${decisions.rows.length} are shown; all are in ${REPORT_FILES.workbook} (sheet Decisions).` : ''),
    ),
    ...(decisions.rows.length === 0
      ? []
      : [
          table(
            [96, 80, 62, '*', 72],
            ['Rule, item', 'Item', 'Decision', 'Justification', 'By, when'],
            decisions.rows.map((d) => [{ text: `${d.rule}\n${d.itemKey}`, fontSize: 6.5 }, d.itemName ?? '', DECISION_LABEL[d.decision], d.note, `${d.decidedBy}\n${minute(d.decidedAt)}`]),
            7,
          ),
        ]),
  ];
}

function wizardProgress(model: ReportModel): Content[] {
  const label = { not_started: 'not started', in_progress: 'in progress', done: 'done', blocked: 'blocked' } as const;
  return [
    heading('Playbook progress'),
    note(`${model.wizard.playbook.title}, version ${model.wizard.playbook.version}. Each step with its checks, who ticked them and when is in ${REPORT_FILES.checklistPdf}.`),
    table(
      [40, '*', 60, 60],
      ['Phase', 'Title', 'State', 'Checks done'],
      model.wizard.phases.map((phase) => [phase.id, phase.title, label[phase.state], `${phase.done} of ${phase.total}`]),
    ),
  ];
}

function appendix(model: ReportModel): Content[] {
  return [
    heading('Appendix A: tenant facts'),
    table(
      [170, '*', 60],
      ['Fact', 'Value', 'Source'],
      model.tenantFacts.map((fact) => [fact.label, fact.value ?? { text: 'not known', color: MUTED }, fact.source ?? '']),
    ),
    heading('Appendix B: import batches'),
    model.imports.length === 0
      ? note(model.engagement.isDemo ? 'No files were imported: the demo generator wrote this snapshot.' : 'No files were imported.')
      : table(
          ['*', 64, 40, 36, 58],
          ['File, sha256', 'Kind', 'Rows', 'Rejected', 'Imported'],
          model.imports.map((batch) => [
            { stack: [batch.fileName, { text: batch.sha256, fontSize: 5.5, color: MUTED }] },
            batch.kind,
            { text: count(batch.rowsAccepted), alignment: 'right' },
            { text: count(batch.rowsRejected), alignment: 'right' },
            minute(batch.startedAt),
          ]),
          7,
        ),
  ];
}

/**
 * report.pdf: summary, APNs box, every finding, each list with its remediation and first rows
 * (pointing to the workbook and CSV for the rest), waves, the switch timeline, overrides and
 * decisions, playbook progress, and the tenant facts and import batches appendices.
 */
export function reportDocument(model: ReportModel, paper: Paper): TDocumentDefinitions {
  const facts: [string, string][] = [
    ['Customer', model.engagement.customer || 'not set'],
    ['Consultant', model.engagement.consultant || 'not set'],
    ['Data as of', day(model.engagement.dataAsOf)],
    ['Planned switch', day(model.engagement.plannedSwitchDate)],
    ['Report date', `${day(model.meta.reportDate)} (the snapshot's last change)`],
    ['Snapshot (sha256)', model.meta.snapshotHash],
  ];
  const content: Content[] = [
    { text: 'Migration readiness report', fontSize: 22, bold: true, margin: [0, 0, 0, 2] },
    { text: 'Hybrid MDM (Configuration Manager) to Intune standalone', fontSize: 10.5, color: MUTED, margin: [0, 0, 0, 10] },
    factsTable(facts),
    ...(model.meta.redacted
      ? [{ text: 'REDACTED: user names, UPNs, device names, serial numbers, IMEIs and Apple IDs are replaced by pseudonyms; the same value has the same pseudonym throughout this report set.', color: '#B00020', bold: true, fontSize: 8.5, margin: [0, 0, 0, 8] } as Content]
      : []),
    ...summary(model),
    ...apnsBox(model),
    ...findingsOverview(model),
    heading('Flagged lists'),
    note(
      'Each finding with items: what to do, then its first rows. Userless and category-bound devices come first. ' +
        `Every item is in ${REPORT_FILES.workbook} (one sheet per finding) and in ${REPORT_FILES.findingsCsv}, ${REPORT_FILES.userlessCsv} and ${REPORT_FILES.categoryCsv}.`,
    ),
    ...model.lists.flatMap(flaggedList),
    ...waves(model),
    ...reconciliation(model),
    ...timeline(model),
    ...overridesAndDecisions(model),
    ...wizardProgress(model),
    ...appendix(model),
  ];
  return documentFrame(model, 'Migration readiness report', paper, content, { headingBreaks: true });
}
