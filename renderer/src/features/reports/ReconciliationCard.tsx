import { Button, Caption1, Card, CardHeader, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReportPreview } from '../../../../electron/contract/reports';
import { callApi } from '../../api/callApi';
import { formatDateTime, formatNumber } from '../../app/format';
import { useFileExport } from '../../app/useFileExport';
import { LaterExportDialog } from './LaterExportDialog';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  batch: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  batchHeading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  subtle: { color: tokens.colorNeutralForeground3 },
  save: { marginLeft: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  numberHeading: { justifyContent: 'flex-end', textAlign: 'right' },
  action: { whiteSpace: 'nowrap' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

const STATE_COLUMNS = [
  ['checked_in', 'Checked in'],
  ['stale', 'Stale'],
  ['not_found', 'Not found'],
  ['userless_pending_support', 'Userless, support case'],
  ['total', 'Devices'],
] as const;

type Batch = ReportPreview['reconciliation'][number];

function BatchTable({ batch }: { batch: Batch }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={`Reconciliation per wave: ${batch.label}`}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Wave</TableHeaderCell>
          {STATE_COLUMNS.map(([key, label]) => (
            <TableHeaderCell key={key} button={{ className: styles.numberHeading }}>
              {label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {batch.byWave.map(({ wave, counts }, index) => (
          <TableRow key={wave} className={index === batch.byWave.length - 1 ? styles.total : undefined}>
            <TableCell>{wave}</TableCell>
            {STATE_COLUMNS.map(([key]) => (
              <TableCell key={key} className={styles.number}>
                {formatNumber(counts[key])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Reconciliation: each later Intune export against the baseline, per wave and oldest first, so
 * the counts show progress over time; importing another export, and each export's device list.
 */
export function ReconciliationCard({ batches }: { batches: Batch[] }) {
  const styles = useStyles();
  const [importing, setImporting] = useState(false);
  const { exportFile, exportMessage } = useFileExport();
  return (
    <Card data-testid="report-reconciliation">
      <CardHeader
        header={<Subtitle2 as="h2">Reconciliation</Subtitle2>}
        description={
          <Caption1>Baseline MDM devices in each later export: checked in since their wave moved (or the switch), stale, not found, or userless and waiting for a support case.</Caption1>
        }
        action={
          <Button className={styles.action} icon={<ArrowUploadRegular />} onClick={() => setImporting(true)}>
            Import a later export…
          </Button>
        }
      />
      <div className={styles.body}>
        {batches.length === 0 && <Text>No later export yet. After a wave moves, and after the switch, import that day's Intune device export to see which devices checked in.</Text>}
        {batches.map((batch) => (
          <section key={batch.batchId} className={styles.batch} aria-label={batch.label}>
            <div className={styles.batchHeading}>
              <Text weight="semibold">{batch.label}</Text>
              <Caption1 className={styles.subtle}>
                {batch.files.join(', ')} · {formatNumber(batch.devicesInExport)} devices in the export · imported {formatDateTime(batch.importedAt)}
              </Caption1>
              <Button className={styles.save} size="small" icon={<ArrowDownloadRegular />} onClick={() => void exportFile(() => callApi('reports.exportReconciliation', { batchId: batch.batchId }))}>
                Save device list (CSV)…
              </Button>
            </div>
            <BatchTable batch={batch} />
          </section>
        ))}
        {exportMessage}
      </div>
      {importing && <LaterExportDialog onClose={() => setImporting(false)} />}
    </Card>
  );
}
