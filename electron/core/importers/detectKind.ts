import { UserFacingError } from '../errors.js';
import { hasColumns } from './columns.js';
import { normalizeHeader } from './columns.js';
import type { GraphDocument } from './graphJson.js';
import type { CsvKind, ImportKind, JsonKind } from './importKind.js';
import { IMPORT_KINDS } from './importKinds.js';

const CSV_KINDS = IMPORT_KINDS.filter((kind): kind is CsvKind => kind.format === 'csv');
const JSON_KINDS = IMPORT_KINDS.filter((kind): kind is JsonKind => kind.format === 'json');

/**
 * Recognises a CSV export from its header. A kind matches when all its signature columns are
 * present and none of its lookalike markers; the most specific match (longest signature) wins,
 * so v_CollectionRuleDirect (CollectionID, ResourceID, RuleName) is not taken for membership.
 */
export function detectCsvKind(headers: readonly string[], fileName: string): CsvKind {
  const present = new Set(headers.map(normalizeHeader));
  const matches = CSV_KINDS.filter(
    (kind) => hasColumns(kind.columns, present, kind.signature) && !(kind.excludes ?? []).some((field) => hasColumns(kind.columns, present, [field])),
  ).sort((a, b) => b.signature.length - a.signature.length);
  if (matches.length > 1 && matches[0]!.signature.length === matches[1]!.signature.length) {
    throw new UserFacingError('invalid_input', `${fileName} could be ${matches[0]!.label} or ${matches[1]!.label}; choose one with --as.`);
  }
  if (matches[0]) return matches[0];
  throw new UserFacingError('invalid_input', `${fileName}: ${nearestCsvKind(present)}`);
}

/** Names the missing columns of the kind the header comes closest to, so a renamed column is easy to spot. */
function nearestCsvKind(present: ReadonlySet<string>): string {
  let best: { kind: CsvKind; missing: string[]; score: number } | undefined;
  for (const kind of CSV_KINDS) {
    const missing = kind.signature.filter((field) => !hasColumns(kind.columns, present, [field]));
    const score = (kind.signature.length - missing.length) / kind.signature.length;
    if (score >= 0.5 && missing.length > 0 && (!best || score > best.score)) {
      best = { kind, missing: missing.map((field) => `"${kind.columns[field]!.headers[0]}"`), score };
    }
  }
  if (!best) return 'the header matches no known export (see docs/import-formats.md), and it is not a Graph JSON file.';
  return `looks like ${best.kind.label} but has no ${best.missing.join(', ')} column.`;
}

/** Recognises a Graph document from its `@odata.context`, else from its first item's properties. */
export function detectJsonKind(document: GraphDocument, fileName: string): JsonKind {
  if (document.context) {
    const byContext = JSON_KINDS.find((kind) => kind.context.test(document.context!));
    if (byContext) return byContext;
  }
  const first = document.items[0];
  if (!first) throw new UserFacingError('invalid_input', `${fileName} is an empty Graph list and its kind cannot be told; choose one with --as.`);
  const byShape = JSON_KINDS.find((kind) => kind.matches(first));
  if (byShape) return byShape;
  throw new UserFacingError('invalid_input', `${fileName}: the JSON is not a Graph export this app reads (managedDevices, users, deviceCategories, applePushNotificationCertificate, depOnboardingSettings, vppTokens, organization).`);
}

/** `--as KIND` must fit the file's format: a CSV kind cannot read JSON. */
export function checkKindFitsFormat(kind: ImportKind, format: 'csv' | 'json', fileName: string): void {
  if (kind.format !== format) {
    throw new UserFacingError('invalid_input', `${fileName} is ${format.toUpperCase()}, but --as ${kind.id} reads ${kind.format.toUpperCase()} files.`);
  }
}
