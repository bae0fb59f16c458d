import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, SearchBox, Subtitle1, Subtitle2, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useDeferredValue, useState } from 'react';
import type { FindingItem, FindingSummary } from '../../../../electron/contract/findings';
import { callApi } from '../../api/callApi';
import { formatNumber } from '../../app/format';
import { useFileExport } from '../../app/useFileExport';
import { VirtualTable, type SortState } from '../dataBrowser/VirtualTable';
import { DecisionDialog } from './DecisionDialog';
import { findingItemColumns } from './findingItemColumns';
import { useFindingsStore, type DecisionFilter } from './findingsStore';
import { SeverityBadge } from './severity';

const useStyles = makeStyles({
  // Children keep their natural height; the pane scrolls instead of squeezing them together.
  pane: { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflow: 'auto', paddingRight: tokens.spacingHorizontalXS, '& > *': { flexShrink: 0 } },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  step: { lineHeight: tokens.lineHeightBase300 },
  sources: { color: tokens.colorNeutralForeground3 },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  search: { marginLeft: 'auto', width: '200px' },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  table: { height: '440px', display: 'flex' },
});

/** Renders `code` spans for cmdlets and console paths written between backticks in the brief's steps. */
function StepText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, index) => (part.startsWith('`') ? <code key={index}>{part.slice(1, -1)}</code> : <span key={index}>{part}</span>))}
    </>
  );
}

export function FindingDetail({ finding }: { finding: FindingSummary }) {
  const styles = useStyles();
  const { search, setSearch, decisionFilter, setDecisionFilter, revision, afterDecision } = useFindingsStore();
  const deferredSearch = useDeferredValue(search);
  const [sort, setSort] = useState<SortState>({ column: 'name', direction: 'asc' });
  const [deciding, setDeciding] = useState<FindingItem | null>(null);
  const { exportFile, exportMessage } = useFileExport();

  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      callApi('findings.items', { rule: finding.rule, offset, limit, search: deferredSearch || undefined, decision: decisionFilter, sortBy: sort.column, sortDirection: sort.direction }),
    [finding.rule, deferredSearch, decisionFilter, sort],
  );

  return (
    <article className={styles.pane} aria-labelledby="finding-title" data-testid="finding-detail">
      <div className={styles.title}>
        <SeverityBadge severity={finding.severity} />
        <Text className={styles.ruleId}>{finding.rule}</Text>
      </div>
      <Subtitle1 as="h2" id="finding-title" className={styles.heading}>
        {finding.title}
      </Subtitle1>
      <Body1 as="p">{finding.why}</Body1>
      {finding.conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Conflicting sources</MessageBarTitle>
            {finding.conflict}
          </MessageBarBody>
        </MessageBar>
      )}
      {!finding.evaluated && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not evaluated</MessageBarTitle>
            Needs {finding.needs}. Import the export that carries it, then re-assess.
          </MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="remediation-title">
        <Subtitle2 as="h3" id="remediation-title">
          What to do
        </Subtitle2>
        <ol className={styles.steps}>
          {finding.remediation.map((step) => (
            <li key={step} className={styles.step}>
              <Body1>
                <StepText text={step} />
              </Body1>
            </li>
          ))}
        </ol>
        <Caption1 className={styles.sources}>Sources: {finding.sources.join(', ')}</Caption1>
      </section>

      {finding.evaluated && finding.itemType && (
        <>
          <div className={styles.toolbar}>
            <Subtitle2 as="h3">
              {formatNumber(finding.count)} affected · {formatNumber(finding.decidedCount)} decided
            </Subtitle2>
            <TabList size="small" selectedValue={decisionFilter} onTabSelect={(_event, data) => setDecisionFilter(data.value as DecisionFilter)}>
              <Tab value="all">All</Tab>
              <Tab value="open">Open</Tab>
              <Tab value="decided">Decided</Tab>
            </TabList>
            <SearchBox className={styles.search} size="small" placeholder="Search items" aria-label="Search items" value={search} onChange={(_event, data) => setSearch(data.value)} />
            <Button className={styles.nowrap} icon={<ArrowDownloadRegular />} onClick={() => void exportFile(() => callApi('findings.exportCsv', { rule: finding.rule }))} disabled={finding.count === 0}>
              Export CSV
            </Button>
          </div>
          {exportMessage}
          <div className={styles.table}>
            <VirtualTable
              columns={findingItemColumns(finding.itemType, setDeciding)}
              fetchPage={fetchPage}
              queryKey={`${finding.rule}|${deferredSearch}|${decisionFilter}|${sort.column}|${sort.direction}|${revision}`}
              sort={sort}
              onSort={(column) => setSort((current) => ({ column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' }))}
              label={`Items of ${finding.rule}`}
              noun="items"
            />
          </div>
        </>
      )}
      {deciding && (
        <DecisionDialog
          rule={finding.rule}
          item={deciding}
          onClose={() => setDeciding(null)}
          onSaved={() => {
            setDeciding(null);
            void afterDecision();
          }}
        />
      )}
    </article>
  );
}
