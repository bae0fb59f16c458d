/**
 * One benchmark of `npm run bench`. Each returns rows for the printed table; a row holds
 * its measured figures side by side so ratios come from the same run on the same machine.
 */
export interface BenchmarkRow {
  readonly case: string;
  readonly [column: string]: string | number;
}

export interface Benchmark {
  readonly name: string;
  run(workDir: string): Promise<BenchmarkRow[]>;
}

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${(value / baseline).toFixed(2)}×` : 'n/a';
}
