import { existsSync, writeFileSync } from 'node:fs';
import { UserFacingError } from '../../errors.js';
import { csvLine } from '../../csv/csvCell.js';
import type { CsvKind } from './importKind.js';
import { appleTokensTemplate } from './appleTokens.js';
import { collectionRulesTemplate } from './collectionRules.js';

/** The project's own CSV templates (docs/import-formats.md), by the name `--kind` takes. */
export const TEMPLATES: Readonly<Record<string, CsvKind>> = {
  'collection-rules': collectionRulesTemplate as CsvKind,
  'apple-tokens': appleTokensTemplate as CsvKind,
};

/** The header line of a template: each column's first (canonical) header name. */
export function templateHeader(kind: CsvKind): string {
  return csvLine(Object.values(kind.columns).map((column) => column.headers[0]!));
}

/** Writes a blank template (header only, UTF-8 with BOM so Excel keeps accents). Never overwrites. */
export function writeBlankTemplate(name: string, outPath: string): void {
  const kind = TEMPLATES[name];
  if (!kind) throw new UserFacingError('invalid_input', `"${name}" is not a template. Templates: ${Object.keys(TEMPLATES).join(', ')}.`);
  if (existsSync(outPath)) throw new UserFacingError('file_exists', `${outPath} already exists; choose another file name.`);
  writeFileSync(outPath, `\uFEFF${templateHeader(kind)}`, { flag: 'wx' });
}
