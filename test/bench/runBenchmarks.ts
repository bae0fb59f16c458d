import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark, BenchmarkRow } from './benchmark.js';
import { assessmentBenchmark } from './benchmarks/assessment.js';
import { cliStartupBenchmark } from './benchmarks/cliStartup.js';
import { demoGenerationBenchmark } from './benchmarks/demoGeneration.js';
import { filterLatencyBenchmark } from './benchmarks/filterLatency.js';
import { intuneImportBenchmark } from './benchmarks/intuneImport.js';
import { reportSetBenchmark } from './benchmarks/reportSet.js';

/** Every benchmark `npm run bench` runs; `npm run bench -- NAME…` runs those whose name contains NAME. */
const BENCHMARKS: readonly Benchmark[] = [demoGenerationBenchmark, intuneImportBenchmark, assessmentBenchmark, cliStartupBenchmark, filterLatencyBenchmark, reportSetBenchmark];

function printTable(rows: BenchmarkRow[]): void {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (row: BenchmarkRow, column: string) => String(row[column] ?? '');
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row, column).length)));
  const line = (values: string[]) => `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((column) => cell(row, column))));
}

const filters = process.argv.slice(2).map((arg) => arg.toLowerCase());
const selected = BENCHMARKS.filter((bench) => filters.length === 0 || filters.some((f) => bench.name.toLowerCase().includes(f)));
const workDir = mkdtempSync(join(tmpdir(), 'mdm-bench-'));
try {
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  for (const bench of selected) {
    console.log(`\n## ${bench.name}\n`);
    printTable(await bench.run(workDir));
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
