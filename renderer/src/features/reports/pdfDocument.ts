import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * pdf.js, loaded when the Reports page first previews a document (the window opens without
 * it). Its worker is a file of the app, allowed by the content security policy's script-src;
 * eval stays off, as that policy forbids it.
 */
async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Opens a PDF the main side rendered (base64, as the contract carries it). */
export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({ data: bytesOf(base64), isEvalSupported: false }).promise;
}

/** Draws one page onto a new canvas `cssWidth` pixels wide, at `pixelRatio` canvas pixels per CSS pixel. */
export async function drawPage(pdf: PDFDocumentProxy, pageNumber: number, cssWidth: number, pixelRatio: number): Promise<HTMLCanvasElement> {
  const page = await pdf.getPage(pageNumber);
  const unscaled = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: (cssWidth / unscaled.width) * pixelRatio });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  page.cleanup();
  return canvas;
}
