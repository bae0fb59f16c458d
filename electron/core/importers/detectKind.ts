import { UserFacingError } from '../errors.js';
import { hasColumns } from './csv/columns.js';
import { normalizeHeader } from './csv/columns.js';
import type { GraphDocument, JsonObject } from './input/graphJson.js';
import { GraphPropertyNames } from './kinds/graphProperties.js';
import type { CsvKind, ImportKind, JsonKind } from './kinds/importKind.js';
import { IMPORT_KINDS } from './kinds/importKinds.js';

const CSV_KINDS = IMPORT_KINDS.filter((kind): kind is CsvKind => kind.format === 'csv');
const JSON_KINDS = IMPORT_KINDS.filter((kind): kind is JsonKind => kind.format === 'json');

/** Graph's spelling of every property a kind reads, for objects PowerShell saved with its own (see graphProperties.ts). */
export const GRAPH_PROPERTY_NAMES = new GraphPropertyNames(JSON_KINDS.flatMap((kind) => (kind.properties ? [kind.properties] : [])));

/** The kind a file was taken for, and what in the file decided it: columns as written, or a Graph marker. */
export interface Detection<Kind extends ImportKind = ImportKind> {
  readonly kind: Kind;
  readonly decidedBy: readonly string[];
}

/** How a header fits a kind: the columns that identify it, and how many of the header's columns the kind knows. */
interface HeaderFit {
  readonly kind: CsvKind | JsonKind;
  readonly decidedBy: string[];
  readonly known: number;
}

/** A CSV kind fits when all its signature columns are present and none of its lookalike markers. */
function csvKindFit(kind: CsvKind, headers: readonly string[], present: ReadonlySet<string>): HeaderFit | null {
  if (!hasColumns(kind.columns, present, kind.signature)) return null;
  if ((kind.excludes ?? []).some((field) => hasColumns(kind.columns, present, [field]))) return null;
  const spellings = (field: string) => new Set(kind.columns[field]!.headers.map(normalizeHeader));
  const known = new Set(Object.keys(kind.columns).flatMap((field) => [...spellings(field)]));
  return {
    kind,
    decidedBy: kind.signature.map((field) => headers.find((header) => spellings(field).has(normalizeHeader(header)))!),
    known: headers.filter((header) => known.has(normalizeHeader(header))).length,
  };
}

/** A Graph kind fits a CSV that PowerShell's Export-Csv wrote of its objects: every signature property is a column. */
function graphKindFit(kind: JsonKind, headers: readonly string[]): HeaderFit | null {
  if (!kind.csvSignature || !kind.properties) return null;
  const byName = new Map(headers.map((header) => [normalizeHeader(header), header]));
  const decidedBy = kind.csvSignature.map((property) => byName.get(property.toLowerCase()));
  if (decidedBy.some((header) => header === undefined)) return null;
  const known = new Set(Object.keys(kind.properties).map((property) => property.toLowerCase()));
  return { kind, decidedBy: decidedBy as string[], known: headers.filter((header) => known.has(normalizeHeader(header))).length };
}

/**
 * Recognises a CSV export from its header. Of the kinds it fits, the one that knows most of
 * its columns wins, then the one with the longest signature (so v_CollectionRuleDirect is
 * not taken for membership, and Get-MgUser's CSV, which has userType too, is not taken for
 * Entra's "Download users"). The detection names the columns that decided it.
 */
export function detectCsvKind(headers: readonly string[], fileName: string): Detection<CsvKind | JsonKind> {
  const present = new Set(headers.map(normalizeHeader));
  const fits = [...CSV_KINDS.map((kind) => csvKindFit(kind, headers, present)), ...JSON_KINDS.map((kind) => graphKindFit(kind, headers))]
    .filter((fit): fit is HeaderFit => fit !== null)
    .sort((a, b) => b.known - a.known || b.decidedBy.length - a.decidedBy.length);
  const [best, next] = fits;
  if (best && next && best.known === next.known && best.decidedBy.length === next.decidedBy.length) {
    throw new UserFacingError(
      'invalid_input',
      `${fileName} could be ${best.kind.label} (by ${best.decidedBy.join(', ')}) or ${next.kind.label} (by ${next.decidedBy.join(', ')}); choose one with --as.`,
    );
  }
  if (best) return { kind: best.kind, decidedBy: best.decidedBy };
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

/** The `@odata.type` names this kind's resource (`#microsoft.graph.managedDevice`, with or without the `#`). */
export function odataTypeNames(kind: JsonKind, item: JsonObject): boolean {
  const type = item['@odata.type'];
  return typeof type === 'string' && type.replace(/^#/, '').toLowerCase() === kind.odataType.replace(/^#/, '').toLowerCase();
}

/**
 * Recognises a Graph document from its `@odata.context`, else its first item's `@odata.type`,
 * else that item's properties (names already in Graph's spelling, see graphProperties.ts).
 */
export function detectJsonKind(document: GraphDocument, fileName: string): Detection<JsonKind> {
  if (document.context) {
    const byContext = JSON_KINDS.find((kind) => kind.context.test(document.context!));
    if (byContext) return { kind: byContext, decidedBy: [`@odata.context ${document.context}`] };
  }
  const first = document.items[0];
  if (!first) throw new UserFacingError('invalid_input', `${fileName} is an empty Graph list and its kind cannot be told; choose one with --as.`);
  const byType = JSON_KINDS.find((kind) => odataTypeNames(kind, first));
  if (byType) return { kind: byType, decidedBy: [`@odata.type ${String(first['@odata.type'])}`] };
  const byShape = JSON_KINDS.find((kind) => kind.matches(first));
  if (byShape) {
    const properties = Object.keys(first).filter((key) => !key.startsWith('@') && (!byShape.properties || key in byShape.properties));
    return { kind: byShape, decidedBy: properties.slice(0, 6) };
  }
  throw new UserFacingError('invalid_input', `${fileName}: the JSON is not a Graph export this app reads (managedDevices, users, deviceCategories, applePushNotificationCertificate, depOnboardingSettings, vppTokens, organization).`);
}

/** `--as KIND` must fit the file's format: a CSV kind cannot read JSON. A Graph kind reads what PowerShell's Export-Csv wrote of its objects. */
export function checkKindFitsFormat(kind: ImportKind, format: 'csv' | 'json', fileName: string): void {
  if (kind.format === format || (format === 'csv' && kind.format === 'json' && kind.csvSignature)) return;
  throw new UserFacingError('invalid_input', `${fileName} is ${format.toUpperCase()}, but --as ${kind.id} reads ${kind.format.toUpperCase()} files.`);
}

/** "read as Intune device export (CSV), recognised by Device ID, Device name, …": for messages about a file whose kind is known. */
export function describeDetection(detection: Detection): string {
  if (detection.decidedBy.length === 0) return `read as ${detection.kind.label} (chosen with --as)`;
  return `read as ${detection.kind.label}, recognised by ${detection.decidedBy.join(', ')}`;
}
