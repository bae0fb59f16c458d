import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Paper } from './reportsStore';
import { PAPER_SIZES } from './paperSizes';
import { drawPage } from './pdfDocument';

/** Print resolution: 150 dots per inch, sharp text on paper, about 8 MB of images for a 40-page report. */
const PRINT_DPI = 150;
const CSS_PX_PER_INCH = 96;

/** Every page as an image of print resolution (a canvas per page would hold ~15 MB each until printed). */
export async function printImages(pdf: PDFDocumentProxy, paper: Paper, onPage: (done: number) => void): Promise<string[]> {
  const widthInches = paper === 'a4' ? 210 / 25.4 : 8.5;
  const images: string[] = [];
  for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
    const canvas = await drawPage(pdf, pageNumber, widthInches * CSS_PX_PER_INCH, PRINT_DPI / CSS_PX_PER_INCH);
    images.push(canvas.toDataURL('image/png'));
    canvas.width = 0;
    onPage(pageNumber);
  }
  return images;
}

/**
 * What the native print dialog prints: the document's pages, one image a sheet, at the paper's
 * size with no margin (the PDF has its own). Outside print, nothing shows; in print, nothing
 * else does (global.css). Calls `window.print()` once mounted, and `onDone` after printing.
 */
export function PrintSheets({ images, paper, onDone }: { images: string[]; paper: Paper; onDone: () => void }) {
  const size = PAPER_SIZES[paper];
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  useEffect(() => {
    if (!mounted) return;
    window.addEventListener('afterprint', onDone, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', onDone);
  }, [mounted, onDone]);
  return createPortal(
    <div className="print-sheets" data-testid="print-sheets">
      <style>{`@page { size: ${size.cssPageSize}; margin: 0; }`}</style>
      {images.map((source, index) => (
        <img key={index} src={source} alt={`Page ${index + 1}`} style={{ width: size.width, height: size.height }} />
      ))}
    </div>,
    document.body,
  );
}
