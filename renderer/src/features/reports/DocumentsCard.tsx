import { Button, Caption1, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Spinner, Subtitle2, Switch, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentPdfRegular, PrintRegular, SaveRegular } from '@fluentui/react-icons';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useState } from 'react';
import { callApi, messageOf } from '../../api/callApi';
import { useNavigationStore } from '../workspace/navigationStore';
import { PAPER_SIZES } from './paperSizes';
import { openPdf } from './pdfDocument';
import { PdfPages } from './PdfPages';
import { PrintSheets, printImages } from './PrintSheets';
import { useReportsStore } from './reportsStore';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  options: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  loading: { padding: tokens.spacingVerticalXXL },
});

type DocumentName = 'report' | 'checklist';

const DOCUMENT_TITLES: Readonly<Record<DocumentName, string>> = { report: 'Migration report', checklist: 'Checklist' };

type Message = { intent: 'success' | 'error'; text: string; testId?: string };

/**
 * The documents: each PDF of the set previewed page by page as it prints, with Print… (the
 * native print dialog, the PDF's own pages), Save as PDF… (the very file `mdm-migrate report`
 * writes) and Save report set… (all the files, into a folder).
 */
export function DocumentsCard({ files }: { files: string[] }) {
  const styles = useStyles();
  const { paper, redact, setPaper, setRedact } = useReportsStore();
  const [document, setDocument] = useState<DocumentName>('report');
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [printProgress, setPrintProgress] = useState<{ done: number; total: number } | null>(null);
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'set' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const pendingCommand = useNavigationStore((state) => state.pendingCommand);

  useEffect(() => {
    let current = true;
    let opened: PDFDocumentProxy | null = null;
    setPdf(null);
    callApi('reports.pdf', { document, paper, redact })
      .then((rendered) => openPdf(rendered.base64))
      .then((loaded) => {
        opened = loaded;
        if (current) setPdf(loaded);
        else void loaded.destroy();
      })
      .catch((error: unknown) => current && setMessage({ intent: 'error', text: messageOf(error) }));
    return () => {
      current = false;
      void opened?.destroy();
    };
  }, [document, paper, redact]);

  const print = useCallback(async () => {
    if (!pdf) return;
    setPrintProgress({ done: 0, total: pdf.numPages });
    try {
      setSheets(await printImages(pdf, paper, (done) => setPrintProgress({ done, total: pdf.numPages })));
    } catch (error) {
      setMessage({ intent: 'error', text: messageOf(error) });
    } finally {
      setPrintProgress(null);
    }
  }, [pdf, paper]);

  // File > Print report… lands here: print once the document is ready.
  useEffect(() => {
    if (pdf && pendingCommand === 'printReport' && useNavigationStore.getState().takeCommand('printReport')) void print();
  }, [pdf, pendingCommand, print]);

  const run = async (what: 'pdf' | 'set') => {
    setBusy(what);
    setMessage(null);
    try {
      if (what === 'pdf') {
        const saved = await callApi('reports.savePdf', { document, paper, redact });
        if (saved) setMessage({ intent: 'success', text: `Saved ${saved.path}`, testId: 'pdf-saved' });
      } else {
        const saved = await callApi('reports.saveSet', { redact, paper });
        if (saved) setMessage({ intent: 'success', text: `Saved ${saved.files.length} files in ${saved.dir}`, testId: 'report-saved' });
      }
    } catch (error) {
      setMessage({ intent: 'error', text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card>
      <CardHeader
        header={<Subtitle2 as="h2">Documents</Subtitle2>}
        description={<Caption1>Previewed as they print. Save report set… writes every file into a folder: {files.join(', ')}.</Caption1>}
      />
      <div className={styles.body}>
        <div className={styles.options}>
          <TabList selectedValue={document} onTabSelect={(_event, data) => setDocument(data.value as DocumentName)} aria-label="Document">
            <Tab value="report">{DOCUMENT_TITLES.report}</Tab>
            <Tab value="checklist">{DOCUMENT_TITLES.checklist}</Tab>
          </TabList>
          <Field label="Paper">
            <RadioGroup layout="horizontal" value={paper} onChange={(_event, data) => setPaper(data.value === 'letter' ? 'letter' : 'a4')}>
              <Radio value="a4" label="A4" />
              <Radio value="letter" label="Letter" />
            </RadioGroup>
          </Field>
          <Switch checked={redact} onChange={(_event, data) => setRedact(data.checked)} label="Redact names, UPNs, serials, IMEIs and Apple IDs" />
        </div>
        <div className={styles.actions}>
          <Button icon={<PrintRegular />} disabled={!pdf || printProgress !== null} onClick={() => void print()}>
            Print…
          </Button>
          <Button icon={busy === 'pdf' ? <Spinner size="tiny" /> : <DocumentPdfRegular />} disabled={busy !== null} onClick={() => void run('pdf')}>
            Save as PDF…
          </Button>
          <Button appearance="primary" icon={busy === 'set' ? <Spinner size="tiny" /> : <SaveRegular />} disabled={busy !== null} onClick={() => void run('set')}>
            Save report set…
          </Button>
        </div>
        {message && (
          <MessageBar intent={message.intent} data-testid={message.testId}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {printProgress && (
          <Field label={`Preparing page ${printProgress.done} of ${printProgress.total} for the printer`} validationState="none">
            <ProgressBar value={printProgress.done / printProgress.total} aria-label="Print preparation" />
          </Field>
        )}
        {pdf ? (
          <PdfPages pdf={pdf} ratio={PAPER_SIZES[paper].ratio} label={`${DOCUMENT_TITLES[document]} preview, ${pdf.numPages} pages`} />
        ) : (
          <Spinner className={styles.loading} label={`Rendering the ${DOCUMENT_TITLES[document].toLowerCase()}…`} />
        )}
      </div>
      {sheets && <PrintSheets images={sheets} paper={paper} onDone={() => setSheets(null)} />}
    </Card>
  );
}
