import { once } from 'node:events';
import {
  assessSnapshot,
  DEFAULT_STALE_DAYS,
  explainFinding,
  iterateFindingItems,
  type Assessment,
  type FindingItem,
  type FindingSummary,
} from '../../core/rules/index.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
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

    const snapshot = openSnapshot(file, { mustExist: true });
    try {
      const assessment = assessSnapshot(snapshot, { staleDays });
      if (values.json) await writeJson(io, assessment, (finding) => iterateFindingItems(snapshot, finding.rule, { staleDays }));
      else io.stdout.write(table(snapshot.fileName, assessment));
      // Findings are the normal result of an assessment, not a failure: exit 0 whatever they are.
      return 0;
    } finally {
      snapshot.close();
    }
  },
};

/** Characters buffered before one write to stdout; keeps the number of writes small and memory flat. */
const CHUNK = 64 * 1024;

/**
 * Streams `{"findings":[…]}` with every item of every finding. Items come one at a time from
 * SQLite and are written in 64 KB chunks, waiting for 'drain' whenever the stream's buffer is
 * full, so memory stays bounded for a 250,000-device snapshot piped into a slow consumer.
 */
async function writeJson(io: CliIo, assessment: Assessment, items: (finding: FindingSummary) => Iterable<FindingItem>): Promise<void> {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const full = !io.stdout.write(buffer);
    buffer = '';
    if (full) await once(io.stdout, 'drain');
  };
  const push = async (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) await flush();
  };

  await push('{"findings":[');
  for (const [index, finding] of assessment.findings.entries()) {
    const head = JSON.stringify({
      rule: finding.rule,
      severity: finding.severity,
      title: finding.title,
      why: explainFinding(finding),
      remediation: finding.remediation,
      evaluated: finding.evaluated,
      count: finding.count,
      confirmation: finding.confirmation,
    });
    await push(`${index > 0 ? ',' : ''}\n${head.slice(0, -1)},"items":[`);
    let first = true;
    for (const item of items(finding)) {
      await push(`${first ? '' : ','}\n${JSON.stringify(item)}`);
      first = false;
    }
    await push(']}');
  }
  await push('\n]}\n');
  await flush();
}

const SEVERITY_LABEL: Record<string, string> = { blocker: 'BLOCKER', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' };

function table(fileName: string, assessment: Assessment): string {
  const rows = assessment.findings.map((finding) => ({
    severity: SEVERITY_LABEL[finding.severity]!,
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
