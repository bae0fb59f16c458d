import {
  DEFAULT_STALE_DAYS,
  explainFinding,
  iterateFindingItems,
  type Assessment,
  type FindingItem,
} from '../../core/rules/index.js';
import { chunkedWriter } from '../../core/chunkedWriter.js';
import { writeFindingsArray } from '../../core/reports/findingsJson.js';
import { SEVERITY_LABEL } from '../../core/reports/labels.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { assessForWizard } from '../../core/wizard/index.js';
import { UsageError, type CliCommand, type CliIo } from '../cliCommand.js';
import { parseFlags, requiredFlag, wholeNumberFlag } from '../parseFlags.js';

export const assessCommand: CliCommand = {
  name: 'assess',
  summary: 'Run the readiness rules on a snapshot and list the findings',
  usage: 'mdm-migrate assess --db FILE [--json] [--stale-days N]',
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      'stale-days': { type: 'string' },
    });
    const file = requiredFlag(this, values.db, '--db');
    const staleDays = wholeNumberFlag(this, values['stale-days'], '--stale-days', DEFAULT_STALE_DAYS);
    if (staleDays < 1) throw new UsageError('--stale-days must be at least 1', this);

    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      const assessment = assessForWizard(snapshot, { staleDays });
      if (values.json) await writeJson(io, assessment, (rule) => iterateFindingItems(snapshot, rule, { staleDays }));
      else io.stdout.write(table(snapshot.fileName, assessment));
      // Findings are the normal result of an assessment, not a failure: exit 0 whatever they are.
      return 0;
    } finally {
      snapshot.close();
    }
  },
};

/** `{"findings":[…]}` with every item of every finding, streamed (findingsJson.ts). */
async function writeJson(io: CliIo, assessment: Assessment, items: (rule: string) => Iterable<FindingItem>): Promise<void> {
  const writer = chunkedWriter(io.stdout);
  await writer.push('{"findings":');
  await writeFindingsArray(writer, assessment.findings.map((finding) => ({ ...finding, why: explainFinding(finding) })), items);
  await writer.push('}\n');
  await writer.flush();
}

function table(fileName: string, assessment: Assessment): string {
  const rows = assessment.findings.map((finding) => ({
    severity: SEVERITY_LABEL[finding.severity],
    rule: finding.rule,
    count: finding.evaluated ? String(finding.count) : 'n/e',
    decided: finding.decidedCount > 0 ? String(finding.decidedCount) : '',
    title: finding.evaluated ? finding.title : `${finding.title} — not evaluated: needs ${finding.needs}`,
  }));
  const width = (key: 'severity' | 'rule' | 'count' | 'decided', header: string) => Math.max(header.length, ...rows.map((row) => row[key].length));
  const w = { severity: width('severity', 'SEVERITY'), rule: width('rule', 'RULE'), count: width('count', 'ITEMS'), decided: width('decided', 'DECIDED') };
  const line = (severity: string, rule: string, count: string, decided: string, title: string) =>
    `${severity.padEnd(w.severity)}  ${rule.padEnd(w.rule)}  ${count.padStart(w.count)}  ${decided.padStart(w.decided)}  ${title}`;
  const open = assessment.bySeverity;
  return [
    `Snapshot     ${fileName}`,
    `Data as of   ${assessment.asOf.slice(0, 10)}    Planned switch ${assessment.plannedSwitchDate ?? 'not set'}    Stale after ${assessment.staleDays} days`,
    '',
    line('SEVERITY', 'RULE', 'ITEMS', 'DECIDED', 'TITLE'),
    ...rows.map((row) => line(row.severity, row.rule, row.count, row.decided, row.title)),
    '',
    `Findings with open items: ${open.blocker} blocker, ${open.high} high, ${open.medium} medium, ${open.low} low, ${open.info} info; ` +
      `${assessment.notEvaluated} rules not evaluated (n/e). Assessed in ${assessment.durationMs} ms.`,
    'Use --json for each finding\'s reason, remediation steps and items.',
    '',
  ].join('\n');
}
