import { Button, Caption1, Field, MessageBar, MessageBarBody, SpinButton, Spinner, Text, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { SEVERITIES, type FindingSummary } from '../../../../electron/contract/findings';
import { formatDate, formatNumber } from '../../app/format';
import { FindingDetail } from './FindingDetail';
import { selectedFinding, useFindingsStore } from './findingsStore';
import { SEVERITY_LABELS, SeverityBadge } from './severity';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`, gap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  subtle: { color: tokens.colorNeutralForeground3 },
  days: { width: '120px' },
  controls: { marginLeft: 'auto', display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(6, minmax(110px, 1fr))', gap: tokens.spacingHorizontalM },
  tile: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderLeftWidth: '4px' },
  tileNumber: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  blocker: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  high: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  medium: { borderLeftColor: tokens.colorPaletteYellowBorderActive },
  low: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  notEvaluated: { borderLeftColor: tokens.colorNeutralStrokeAccessible },
  // A grid row of minmax(0, 1fr) keeps tall content inside the panes' own scrollbars.
  body: { flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'minmax(320px, 400px) 1fr', gridTemplateRows: 'minmax(0, 1fr)', gap: tokens.spacingHorizontalL },
  list: { overflow: 'auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingRight: tokens.spacingHorizontalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '76px 1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'left',
    justifyContent: 'stretch',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minHeight: '52px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  count: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

function countLabel(finding: FindingSummary): string {
  if (!finding.evaluated) return 'not evaluated';
  if (finding.count === 0) return 'none';
  return finding.decidedCount ? `${formatNumber(finding.openCount)} open` : formatNumber(finding.count);
}

export function FindingsScreen() {
  const styles = useStyles();
  const { assessment, busy, error, staleDays, setStaleDays, assess, select } = useFindingsStore();
  const finding = useFindingsStore(selectedFinding);

  useEffect(() => {
    void useFindingsStore.getState().assess();
  }, []);

  if (error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!assessment) return <Spinner label="Assessing the snapshot…" />;

  return (
    <section className={styles.page} aria-labelledby="findings-title" data-testid="findings">
      <div className={styles.heading}>
        <div>
          <Title3 as="h1" id="findings-title">
            Findings
          </Title3>
          <Caption1 className={styles.subtle}>
            Data as of {formatDate(assessment.asOf)} · planned switch {assessment.plannedSwitchDate ? formatDate(assessment.plannedSwitchDate) : 'not set'} · assessed in{' '}
            {Math.round(assessment.durationMs)} ms
          </Caption1>
        </div>
        <div className={styles.controls}>
          <Field label="Stale after (days without check-in)">
            <SpinButton className={styles.days} value={staleDays} min={1} max={365} onChange={(_event, data) => setStaleDays(Number(data.value ?? data.displayValue ?? staleDays) || staleDays)} />
          </Field>
          <Button icon={busy ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />} onClick={() => void assess()} disabled={busy}>
            Re-assess
          </Button>
        </div>
      </div>

      <div className={styles.tiles} role="list" aria-label="Findings by severity">
        {SEVERITIES.map((severity) => (
          <div key={severity} role="listitem" className={mergeClasses(styles.tile, styles[severity])} data-testid={`severity-${severity}`}>
            <Text className={styles.tileNumber}>{assessment.bySeverity[severity] ?? 0}</Text>
            <br />
            <Caption1>{SEVERITY_LABELS[severity]} findings</Caption1>
          </div>
        ))}
        <div role="listitem" className={mergeClasses(styles.tile, styles.notEvaluated)} data-testid="severity-not-evaluated">
          <Text className={styles.tileNumber}>{assessment.notEvaluated}</Text>
          <br />
          <Caption1>Not evaluated</Caption1>
        </div>
      </div>

      <div className={styles.body}>
        <nav className={styles.list} aria-label="Findings, blockers first">
          {assessment.findings.map((entry) => (
            <Button
              key={entry.rule}
              appearance="subtle"
              className={mergeClasses(styles.item, entry.rule === finding?.rule && styles.selected)}
              aria-current={entry.rule === finding?.rule ? 'true' : undefined}
              onClick={() => select(entry.rule)}
              data-rule={entry.rule}
            >
              <SeverityBadge severity={entry.severity} />
              <span className={styles.itemText}>
                <Text truncate wrap={false}>
                  {entry.title}
                </Text>
                <span className={styles.ruleId}>{entry.rule}</span>
              </span>
              <span className={entry.evaluated && entry.count > 0 ? styles.count : styles.muted}>{countLabel(entry)}</span>
            </Button>
          ))}
        </nav>
        {finding && <FindingDetail key={finding.rule} finding={finding} />}
      </div>
    </section>
  );
}
