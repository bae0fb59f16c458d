import { makeStyles, tokens } from '@fluentui/react-components';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { drawPage } from './pdfDocument';

const useStyles = makeStyles({
  pages: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground4,
    overflow: 'auto',
    maxHeight: '78vh',
    borderRadius: tokens.borderRadiusMedium,
  },
  page: { backgroundColor: '#ffffff', boxShadow: tokens.shadow8, flexShrink: 0, '& canvas': { display: 'block', width: '100%', height: '100%' } },
});

/** Preview width of a page, in CSS pixels: about a sheet's width on screen at 100 %. */
const PAGE_WIDTH = 760;

/** One page, drawn when it scrolls near the view: a 40-page report opens at once and draws as it is read. */
function PdfPage({ pdf, pageNumber, ratio }: { pdf: PDFDocumentProxy; pageNumber: number; ratio: number }) {
  const styles = useStyles();
  const holder = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: '600px' });
    observer.observe(holder.current!);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!near) return;
    let current = true;
    void drawPage(pdf, pageNumber, PAGE_WIDTH, window.devicePixelRatio || 1).then((canvas) => {
      if (!current) return;
      holder.current?.replaceChildren(canvas);
      setDrawn(true);
    });
    return () => {
      current = false;
    };
  }, [near, pdf, pageNumber]);

  return (
    <div
      ref={holder}
      className={styles.page}
      style={{ width: PAGE_WIDTH, height: PAGE_WIDTH / ratio }}
      role="img"
      aria-label={`Page ${pageNumber} of ${pdf.numPages}`}
      data-testid="pdf-page"
      data-drawn={drawn}
    />
  );
}

/** A PDF's pages as a viewer shows them: sheets on a grey desk, one under the other. */
export function PdfPages({ pdf, ratio, label }: { pdf: PDFDocumentProxy; ratio: number; label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.pages} tabIndex={0} role="region" aria-label={label} data-testid="pdf-pages">
      {Array.from({ length: pdf.numPages }, (_unused, index) => (
        <PdfPage key={index} pdf={pdf} pageNumber={index + 1} ratio={ratio} />
      ))}
    </div>
  );
}
