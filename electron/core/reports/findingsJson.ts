import type { ChunkedWriter } from '../chunkedWriter.js';
import type { FindingItem, RuleConfirmation } from '../rules/index.js';

/** The fields `assess --json` gives each finding (docs/assess-json.md). */
export interface FindingJsonHead {
  readonly rule: string;
  readonly severity: string;
  readonly title: string;
  /** explainFinding's paragraph. */
  readonly why: string;
  readonly remediation: readonly string[];
  readonly evaluated: boolean;
  readonly count: number;
  /** The wizard check that confirmed a rule the data cannot evaluate. */
  readonly confirmation: RuleConfirmation | null;
}

/**
 * Streams the `findings` array of `assess --json` and report.json: each finding with every
 * item, items coming one at a time from SQLite, so memory stays bounded for a 250,000-device
 * snapshot piped into a slow consumer.
 */
export async function writeFindingsArray(
  writer: ChunkedWriter,
  findings: readonly FindingJsonHead[],
  items: (rule: string) => Iterable<FindingItem>,
  /** Called with each item as it is written, so other files can be written in the same pass. */
  onItem?: (finding: FindingJsonHead, item: FindingItem) => Promise<void>,
): Promise<void> {
  await writer.push('[');
  for (const [index, finding] of findings.entries()) {
    const head = JSON.stringify({
      rule: finding.rule,
      severity: finding.severity,
      title: finding.title,
      why: finding.why,
      remediation: finding.remediation,
      evaluated: finding.evaluated,
      count: finding.count,
      confirmation: finding.confirmation,
    });
    await writer.push(`${index > 0 ? ',' : ''}\n${head.slice(0, -1)},"items":[`);
    let first = true;
    for (const item of items(finding.rule)) {
      await writer.push(`${first ? '' : ','}\n${JSON.stringify(item)}`);
      if (onItem) await onItem(finding, item);
      first = false;
    }
    await writer.push(']}');
  }
  await writer.push('\n]');
}
