import pdfmake from 'pdfmake';
import robotoVfs from 'pdfmake/build/vfs_fonts.js';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** pdfmake's virtual file system, which its Node build has but its type definitions leave out. */
interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

const ROBOTO = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

let configured = false;

/**
 * pdfmake in Node, locked down once: it may fetch no URL and read no local file (a document
 * definition holds customer text; nothing in it may make the library touch the network or the
 * disk), and its one font, Roboto, comes from the package's own virtual file system, bundled
 * with the code, so the CLI and the packaged app need no font file on disk.
 */
function configure(): void {
  if (configured) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of Object.values(ROBOTO)) {
    const base64 = (robotoVfs as Record<string, string>)[file];
    if (!base64) throw new Error(`pdfmake's font file ${file} is missing from its vfs_fonts.`);
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, Buffer.from(base64, 'base64'));
  }
  pdfmake.setFonts({ Roboto: ROBOTO });
  configured = true;
}

/** Lays out and renders one document to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
