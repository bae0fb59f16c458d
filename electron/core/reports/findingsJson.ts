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

/** The `findings` array written one finding and one item at a time, in that order. */
export interface FindingsArrayWriter {
  /** Opens a finding's object (closing the previous one); its items follow. */
  finding(head: FindingJsonHead): Promise<void>;
  item(item: FindingItem): Promise<void>;
  /** Closes the last finding and the array. */
  end(): Promise<void>;
}

/**
 * Streams the `findings` array of `assess --json` and report.json: each finding with every
 * item, items coming one at a time from SQLite, so memory stays bounded for a 250,000-device
 * snapshot piped into a slow consumer. The report set feeds it from the pass that also writes
 * the workbook's item sheets and the CSVs.
 */
export function findingsArrayWriter(writer: ChunkedWriter): FindingsArrayWriter {
  let findings = 0;
  let firstItem = true;
  return {
    async finding(finding) {
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
      await writer.push(`${findings > 0 ? ']},' : '['}\n${head.slice(0, -1)},"items":[`);
      findings++;
      firstItem = true;
    },
    async item(item) {
      await writer.push(`${firstItem ? '' : ','}\n${JSON.stringify(item)}`);
      firstItem = false;
    },
    async end() {
      await writer.push(`${findings > 0 ? ']}' : '['}\n]`);
    },
  };
}

/** The whole `findings` array, each finding's items read from `items` (assess --json). */
export async function writeFindingsArray(writer: ChunkedWriter, findings: readonly FindingJsonHead[], items: (rule: string) => Iterable<FindingItem>): Promise<void> {
  const array = findingsArrayWriter(writer);
  for (const finding of findings) {
    await array.finding(finding);
    for (const item of items(finding.rule)) await array.item(item);
  }
  await array.end();
}
