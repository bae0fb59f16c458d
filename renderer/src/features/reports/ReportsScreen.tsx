import { Caption1, Card, CardHeader, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { SEVERITIES } from '../../../../electron/contract/findings';
import { ErrorBar } from '../../app/ErrorBar';
import { PageHeader } from '../../app/PageHeader';
import { formatDate, formatNumber } from '../../app/format';
import { SEVERITY_LABELS, SeverityBadge } from '../findings/severity';
import { ActorField } from '../wizard/ActorField';
import { DocumentsCard } from './DocumentsCard';
import { ReconciliationCard } from './ReconciliationCard';
import { useReportsStore } from './reportsStore';

const useStyles = makeStyles({
  // Children keep their height: the page scrolls instead of squeezing the cards.
  page: { flex: 1, minHeight: 0, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, overflow: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '& > *': { flexShrink: 0 } },
  subtle: { color: tokens.colorNeutralForeground3 },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: '76px 1fr auto', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  count: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

const LEAD =
  'The documents handed to the customer, all made from one report model: the checklist, the migration report, the workbook, CSVs, JSON and the deadlines calendar. Later exports show what became of each device.';

/**
 * The Reports page: a preview of the report model (the figures every file of the set shows)
 * and "Save report set…", which writes the same files `mdm-migrate report` does into a folder.
 */
export function ReportsScreen() {
  const styles = useStyles();
  const { preview, error, load, dismissError } = useReportsStore();

  // Built when the page shows, and again after the snapshot changed (the store drops the old one).
  useEffect(() => {
    if (!preview) void load();
  }, [preview, load]);

  return (
    <section className={styles.page} aria-labelledby="reports-title" data-testid="reports">
      <PageHeader id="reports-title" title="Reports" lead={LEAD}>
        <ActorField />
      </PageHeader>
      {error && <ErrorBar message={error} onDismiss={dismissError} />}
      {!preview && !error && <Spinner label="Building the report model…" />}
      {preview && (
        <>
          <div className={styles.grid}>
            <Card>
              <CardHeader header={<Subtitle2>{preview.customer || 'Migration readiness report'}</Subtitle2>} />
              <dl className={styles.facts}>
                {(
                  [
                    ['Devices', formatNumber(preview.inventory.devices)],
                    ['Users', formatNumber(preview.inventory.users)],
                    ['Wizard', `${formatNumber(preview.wizard.done)} of ${formatNumber(preview.wizard.total)} checks done`],
                    ['Waves', formatNumber(preview.waves)],
                    ['Decisions', formatNumber(preview.decisions)],
                    ['Data as of', preview.dataAsOf ? formatDate(preview.dataAsOf) : 'unknown'],
                    ['Report date', formatDate(preview.reportDate)],
                    ['Snapshot sha256', preview.snapshotHash],
                  ] as const
                ).map(([term, detail]) => (
                  <div key={term} style={{ display: 'contents' }}>
                    <dt className={styles.term}>{term}</dt>
                    <dd className={styles.detail}>{detail}</dd>
                  </div>
                ))}
              </dl>
            </Card>
            <Card data-testid="report-blockers">
              <CardHeader header={<Subtitle2>What blocks the switch</Subtitle2>} />
              {preview.blocksSwitch.length === 0 ? (
                <Text>No blocker finding is open.</Text>
              ) : (
                <ul className={styles.list}>
                  {preview.blocksSwitch.map((blocker) => (
                    <li key={blocker.rule}>
                      <Text weight="semibold">{blocker.rule}</Text> {blocker.evaluated ? `${formatNumber(blocker.openCount)} open` : 'not evaluated'}
                    </li>
                  ))}
                </ul>
              )}
              <Caption1 className={styles.subtle}>
                Open items: {SEVERITIES.map((severity) => `${SEVERITY_LABELS[severity]} ${formatNumber(preview.openItemsBySeverity[severity] ?? 0)}`).join(' · ')}
              </Caption1>
            </Card>
          </div>
          <DocumentsCard files={preview.files} />
          <Card data-testid="report-lists">
            <CardHeader header={<Subtitle2>Flagged lists</Subtitle2>} description={<Caption1>The PDF shows the first rows of each; the workbook and the CSVs hold every item.</Caption1>} />
            {preview.lists.map((list) => (
              <div key={list.rule} className={styles.row}>
                <SeverityBadge severity={list.severity} />
                <Text>
                  {list.title} <Caption1 className={styles.subtle}>({list.rule}, {list.csv})</Caption1>
                </Text>
                <Text className={styles.count}>{formatNumber(list.count)}</Text>
              </div>
            ))}
          </Card>
          <ReconciliationCard batches={preview.reconciliation} />
        </>
      )}
    </section>
  );
}
