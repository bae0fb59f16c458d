/** The files of a report set, by role. The PDF points readers to them for the full lists. */
export const REPORT_FILES = {
  checklistPdf: 'checklist.pdf',
  reportPdf: 'report.pdf',
  workbook: 'report.xlsx',
  findingsCsv: 'findings.csv',
  userlessCsv: 'devices-userless.csv',
  categoryCsv: 'devices-category.csv',
  json: 'report.json',
  calendar: 'deadlines.ics',
} as const;

/** The two device lists consultants work through first (brief §2), each in its own CSV. */
export const PRIORITY_LISTS: readonly { readonly rule: string; readonly csv: string }[] = [
  { rule: 'DEV_USERLESS', csv: REPORT_FILES.userlessCsv },
  { rule: 'DEV_DEVICE_CATEGORY', csv: REPORT_FILES.categoryCsv },
];
