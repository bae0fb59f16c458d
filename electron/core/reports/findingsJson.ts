import { once } from 'node:events';
import type { FindingItem } from '../rules/index.js';

/** Characters buffered before one write; keeps the number of writes small and memory flat. */
const CHUNK = 64 * 1024;

/** Text appended to a stream in 64 KB chunks, waiting for 'drain' whenever the stream's buffer is full. */
export interface ChunkedWriter {
  push(text: string): Promise<void>;
  flush(): Promise<void>;
}

export function chunkedWriter(out: NodeJS.WritableStream): ChunkedWriter {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const full = !out.write(buffer);
    buffer = '';
    if (full) await once(out, 'drain');
  };
  return {
    flush,
    async push(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
  };
}

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
}

/**
 * Streams the `findings` array of `assess --json` and report.json: each finding with every
 * item, items coming one at a time from SQLite, so memory stays bounded for a 250,000-device
 * snapshot piped into a slow consumer.
 */
export async function writeFindingsArray(writer: ChunkedWriter, findings: readonly FindingJsonHead[], items: (rule: string) => Iterable<FindingItem>): Promise<void> {
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
    });
    await writer.push(`${index > 0 ? ',' : ''}\n${head.slice(0, -1)},"items":[`);
    let first = true;
    for (const item of items(finding.rule)) {
      await writer.push(`${first ? '' : ','}\n${JSON.stringify(item)}`);
      first = false;
    }
    await writer.push(']}');
  }
  await writer.push('\n]');
}
