/** A count as people read it in a report: 250,000, not 250000 (the app's screens write it the same way). */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
