import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { RejectionRow } from '../../../../electron/contract/imports';
import { callApi, messageOf } from '../../api/callApi';
import { VirtualTable, type Column, type SortState } from '../dataBrowser/VirtualTable';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  table: { height: '260px', display: 'flex' },
  note: { marginLeft: 'auto', color: tokens.colorNeutralForeground3 },
});

const COLUMNS: Column<RejectionRow>[] = [
  { key: 'line', label: 'Line', width: '70px', render: (row) => row.line ?? '—' },
  { key: 'column', label: 'Column', width: '150px', render: (row) => row.column ?? '—' },
  { key: 'severity', label: 'Kind', width: '90px', render: (row) => (row.severity === 'warning' ? 'Warning' : 'Rejected') },
  { key: 'reason', label: 'Reason', width: 'minmax(240px, 1fr)', render: (row) => row.reason },
];
const FILE_ORDER: SortState = { column: 'line', direction: 'asc' };

/** The rows one file could not take, page by page, with an export to CSV. */
export function RejectedRows({ batchId, fileName }: { batchId: number; fileName: string }) {
  const styles = useStyles();
  const [note, setNote] = useState<string | null>(null);
  const fetchPage = useCallback((offset: number, limit: number) => callApi('import.rejections', { batchId, offset, limit }), [batchId]);

  async function exportCsv() {
    try {
      const written = await callApi('import.exportRejections', { batchId });
      if (written) setNote(`Wrote ${written.rows} rows to ${written.path}`);
    } catch (error) {
      setNote(messageOf(error));
    }
  }

  return (
    <section aria-label={`Rejected rows of ${fileName}`}>
      <div className={styles.header}>
        <Subtitle2 as="h3">Rows of {fileName} that need attention</Subtitle2>
        {note && <span className={styles.note}>{note}</span>}
        <Button icon={<ArrowDownloadRegular />} onClick={() => void exportCsv()}>
          Export CSV
        </Button>
      </div>
      <div className={styles.table}>
        <VirtualTable columns={COLUMNS} fetchPage={fetchPage} queryKey={String(batchId)} sort={FILE_ORDER} onSort={() => undefined} label="Rejected rows" noun="rows" />
      </div>
    </section>
  );
}
