import type { Paper } from './reportsStore';

/** The sheet each paper is, portrait, as CSS lengths and as a width / height ratio. */
export const PAPER_SIZES: Readonly<Record<Paper, { width: string; height: string; ratio: number; cssPageSize: string }>> = {
  a4: { width: '210mm', height: '297mm', ratio: 210 / 297, cssPageSize: 'A4' },
  letter: { width: '8.5in', height: '11in', ratio: 8.5 / 11, cssPageSize: 'letter' },
};
