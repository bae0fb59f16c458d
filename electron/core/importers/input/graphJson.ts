import { UserFacingError } from '../../errors.js';
import { utf8Chunks } from './textDecoding.js';

export type JsonObject = Record<string, unknown>;

export interface GraphDocument {
  /** The `@odata.context` URL, which names the collection (`…#deviceManagement/managedDevices`). */
  readonly context: string | undefined;
  readonly items: readonly JsonObject[];
  /**
   * The document was `{"value": {…}}`: one resource wrapped the way the Graph documentation's
   * examples show a single resource. It is that resource only if its `@odata.type` or its
   * properties say which (see openJson), else the document is a page with a broken `value`.
   */
  readonly wrappedSingle?: boolean;
}

/**
 * Graph pages are at most a few thousand objects (Graph's page size tops out at 999), so a
 * page is parsed whole; the limit only stops a wrong multi-gigabyte file early.
 */
const MAX_JSON_BYTES = 256 * 1024 * 1024;

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one Graph export in any of the shapes consultants save: a single object (`GET
 * …/applePushNotificationCertificate`), the same wrapped in `value` as the Graph
 * documentation shows it, a `{"value":[…]}` page (one file per `@odata.nextLink` page), or a
 * bare array (PowerShell `ConvertTo-Json` of the value list).
 */
export async function readGraphDocument(content: AsyncIterable<Uint8Array>, name: string): Promise<GraphDocument> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of utf8Chunks(content, name)) {
    chunks.push(chunk);
    bytes += chunk.length;
    if (bytes > MAX_JSON_BYTES) throw new UserFacingError('invalid_input', `${name} is too large for a Graph page (over 256 MB); save the pages as separate files.`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new UserFacingError('invalid_input', `${name} is not valid JSON${where}: ${message}`);
  }
  if (Array.isArray(document)) return { context: undefined, items: objectsOf(document, name, 'the array') };
  if (!isObject(document)) throw new UserFacingError('invalid_input', `${name}: expected a JSON object or array, found ${typeof document}.`);
  const context = typeof document['@odata.context'] === 'string' ? (document['@odata.context'] as string) : undefined;
  if ('value' in document && !hasEntityProperties(document)) {
    if (isObject(document.value)) return { context, items: [document.value], wrappedSingle: true };
    if (!Array.isArray(document.value)) throw notAList(name, document.value);
    return { context, items: objectsOf(document.value, name, '"value"') };
  }
  return { context, items: [document] };
}

export function notAList(name: string, value: unknown): UserFacingError {
  return new UserFacingError('invalid_input', `${name}: the Graph page's "value" is not a list (found ${jsonType(value)}).`);
}

/** A page has only `value` and `@odata.*` keys; anything else means an entity that happens to have a `value` property. */
function hasEntityProperties(document: JsonObject): boolean {
  return Object.keys(document).some((key) => key !== 'value' && !key.startsWith('@odata.'));
}

function objectsOf(list: unknown[], name: string, where: string): JsonObject[] {
  list.forEach((item, index) => {
    if (!isObject(item)) throw new UserFacingError('invalid_input', `${name}: item ${index + 1} of ${where} is ${jsonType(item)}, not an object.`);
  });
  return list as JsonObject[];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
