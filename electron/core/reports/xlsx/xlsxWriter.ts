import { Utf8Chunks } from '../../chunkedWriter.js';
import { deflatedFile, ZipWriter, type ByteSink, type DeflatedFile } from './zipWriter.js';

export type XlsxCell = string | number | null;

export interface XlsxSheetWriter {
  row(cells: readonly XlsxCell[]): Promise<void>;
  close(): Promise<void>;
}

export interface XlsxSheet {
  /** Column widths, in characters (Excel's unit). */
  readonly widths: readonly number[];
  /** A header row: bold, frozen, with an autofilter over the table below it. */
  readonly header?: readonly string[];
  readonly rows: Iterable<readonly XlsxCell[]>;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Bytes of sheet XML gathered before they go to the zip: few, large writes. */
const CHUNK = 256 * 1024;
/** Style 1 of styles.xml: the header row's bold font. */
const HEADER_STYLE = 1;

/** Characters XML text and attributes must not hold as they are: markup, and the C0 controls XML 1.0 forbids. */
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, 'g');
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML content or a double-quoted attribute; forbidden controls are dropped, as exceljs did. */
export function xmlText(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (char) => ENTITIES[char] ?? '') : text;
}

/** Excel's column letters: 1 → A, 27 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** What Excel refuses in a sheet name. */
const BAD_SHEET_NAME = /[[\]:*?/\\]|^'|'$/;

/**
 * report.xlsx as SpreadsheetML written by hand: each sheet's rows become XML text that streams
 * into a zip entry as it is made, so no sheet is ever held in memory, and sheets may be written
 * in any order (the workbook lists them in the order `close` is given). Cells are numbers or
 * text (`t="str"`, as exceljs wrote them without shared strings); the only style is the bold
 * header row.
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: { name: string; file: string; filter: string | null }[] = [];

  constructor(path: string) {
    this.zip = new ZipWriter(path);
  }

  /** A whole sheet from its rows. */
  async addSheet(name: string, sheet: XlsxSheet): Promise<void> {
    const writer = this.openSheet(name, sheet);
    for (const row of sheet.rows) await writer.row(row);
    await writer.close();
  }

  /** A sheet written row by row; it must be closed before the next one is opened. */
  openSheet(name: string, sheet: Omit<XlsxSheet, 'rows'>): XlsxSheetWriter {
    this.checkName(name);
    const file = this.nextFile();
    const xml = sheetXml(this.zip.entry(file), sheet);
    return {
      row: xml.row,
      close: async () => {
        const { filter } = await xml.close();
        this.sheets.push({ name, file, filter });
      },
    };
  }

  /** A sheet another thread wrote into a file of its own (prepareSheet), taken in whole. */
  async addPreparedSheet(name: string, prepared: PreparedSheet): Promise<void> {
    this.checkName(name);
    const file = this.nextFile();
    await this.zip.addDeflated(file, prepared.data);
    this.sheets.push({ name, file, filter: prepared.filter });
  }

  /** Writes the workbook's parts, its sheets in `order` (every sheet written, by name), and closes the file. */
  async close(order: readonly string[], properties: { readonly creator: string; readonly created: Date }): Promise<void> {
    const sheets = order.map((name) => {
      const sheet = this.sheets.find((written) => written.name === name);
      if (!sheet) throw new Error(`No worksheet "${name}" was written.`);
      return sheet;
    });
    if (sheets.length !== this.sheets.length) throw new Error('Every worksheet must be placed in the workbook.');
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const filters = sheets
      .map((sheet, index) => (sheet.filter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlText(quoted(sheet.name))}!${sheet.filter}</definedName>` : ''))
      .join('');
    await this.zip.add(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((sheet, index) => `<sheet name="${xmlText(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('') +
        `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    );
    const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        sheets.map((sheet, index) => relationship(`rId${index + 1}`, `${REL_NS}/worksheet`, sheet.file.slice('xl/'.length))).join('') +
        relationship(`rId${sheets.length + 1}`, `${REL_NS}/styles`, 'styles.xml') +
        '</Relationships>',
    );
    await this.zip.add('xl/styles.xml', STYLES);
    const created = properties.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await this.zip.add(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${xmlText(properties.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    );
    await this.zip.add(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(properties.creator)}</Application></Properties>`,
    );
    await this.zip.add(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        relationship('rId1', `${REL_NS}/officeDocument`, 'xl/workbook.xml') +
        relationship('rId2', `${PACKAGE_REL_NS}/metadata/core-properties`, 'docProps/core.xml') +
        relationship('rId3', `${REL_NS}/extended-properties`, 'docProps/app.xml') +
        '</Relationships>',
    );
    const type = (part: string, contentType: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-${contentType}"/>`;
    await this.zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        type('xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml') +
        sheets.map((sheet) => type(sheet.file, 'officedocument.spreadsheetml.worksheet+xml')).join('') +
        type('xl/styles.xml', 'officedocument.spreadsheetml.styles+xml') +
        type('docProps/core.xml', 'package.core-properties+xml') +
        type('docProps/app.xml', 'officedocument.extended-properties+xml') +
        '</Types>',
    );
    await this.zip.close();
  }

  /** Ends the file after a failure; it is left incomplete. */
  abort(): Promise<void> {
    return this.zip.abort();
  }

  private checkName(name: string): void {
    if (name.length === 0 || name.length > 31 || BAD_SHEET_NAME.test(name)) throw new Error(`"${name}" cannot name a worksheet.`);
    if (this.sheets.some((other) => other.name.toLowerCase() === name.toLowerCase())) throw new Error(`Two worksheets are named "${name}".`);
  }

  private nextFile(): string {
    return `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
  }
}

/** A sheet written by another thread (prepareSheet): its deflated XML, and its autofilter. */
export interface PreparedSheet {
  readonly data: DeflatedFile;
  readonly filter: string | null;
}

/**
 * One sheet's XML deflated into a file of its own at `path`, for the thread that writes the
 * workbook to take in (XlsxWriter.addPreparedSheet): so two threads can each write sheets of
 * one workbook.
 */
export async function prepareSheet(path: string, sheet: XlsxSheet): Promise<PreparedSheet> {
  const xml = sheetXml(deflatedFile(path), sheet);
  for (const row of sheet.rows) await xml.row(row);
  const { filter, closed } = await xml.close();
  return { data: closed, filter };
}

/** A sheet's XML, row by row, into `sink`; `close` ends it and the sink. */
function sheetXml<Closed>(sink: ByteSink<Closed>, sheet: Omit<XlsxSheet, 'rows'>) {
  const columns = Array.from({ length: Math.max(sheet.widths.length, sheet.header?.length ?? 0) }, (_, index) => columnName(index + 1));
  const views = sheet.header
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = sheet.widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('');
  const xml = new Utf8Chunks(CHUNK);
  xml.add(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${views}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`);
  let rowNumber = 0;
  if (sheet.header) xml.add(rowXml(++rowNumber, columns, sheet.header, ` s="${HEADER_STYLE}"`));
  return {
    async row(cells: readonly XlsxCell[]): Promise<void> {
      const full = xml.add(rowXml(++rowNumber, columns, cells, ''));
      if (full) await sink.write(full);
    },
    /** Ends the sheet; `filter` is its autofilter's range, for the workbook's defined name. */
    async close(): Promise<{ filter: string | null; closed: Closed }> {
      let filter: string | null = null;
      let end = '</sheetData>';
      if (sheet.header) {
        filter = `$A$1:$${columns[sheet.header.length - 1]}$${rowNumber}`;
        end += `<autoFilter ref="${filter.replace(/\$/g, '')}"/>`;
      }
      xml.add(`${end}</worksheet>`);
      const rest = xml.take();
      if (rest) await sink.write(rest);
      return { filter, closed: await sink.close() };
    },
  };
}

/** One row's XML; empty cells (null, or a number that is not finite) are left out, as Excel does. */
function rowXml(rowNumber: number, columns: readonly string[], cells: readonly XlsxCell[], style: string): string {
  let xml = `<row r="${rowNumber}">`;
  for (let index = 0; index < cells.length; index++) {
    const value = cells[index];
    if (typeof value === 'string') xml += `<c r="${columns[index]}${rowNumber}"${style} t="str"><v>${xmlText(value)}</v></c>`;
    else if (typeof value === 'number' && Number.isFinite(value)) xml += `<c r="${columns[index]}${rowNumber}"${style}><v>${value}</v></c>`;
  }
  return `${xml}</row>`;
}

/** Calibri 11, and the same in bold for header rows (cellXfs 0 and 1). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
