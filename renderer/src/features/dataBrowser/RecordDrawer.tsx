import { Body1, Button, Caption1, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { ItemFinding } from '../../../../electron/contract/findings';
import { enumLabel } from '../../../../electron/contract/labels';
import { callApi, messageOf } from '../../api/callApi';
import { DECISION_LABELS, SeverityBadge } from '../findings/severity';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: `0 0 ${tokens.spacingVerticalL}` },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, wordBreak: 'break-word' },
  finding: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0`, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  findingHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  raw: { marginLeft: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * A stored enum member as a fact: its words, and the member as stored beside them, which is
 * what Graph, the exports and the findings' details call it.
 */
export function EnumFact({ labels, value }: { labels: Readonly<Record<string, string>>; value: string }) {
  const styles = useStyles();
  const label = enumLabel(labels, value);
  return (
    <>
      {label}
      {label !== value && <Caption1 className={styles.raw}>{value}</Caption1>}
    </>
  );
}

/** A device's or user's record with every finding that touches it. */
export function RecordDrawer(props: { title: string; facts: [string, ReactNode][]; loadFindings: () => Promise<ItemFinding[]>; onClose: () => void }) {
  const styles = useStyles();
  const [findings, setFindings] = useState<ItemFinding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { loadFindings } = props;

  useEffect(() => {
    loadFindings().then(setFindings, (caught) => setError(messageOf(caught)));
  }, [loadFindings]);

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={props.onClose} />}>{props.title}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <dl className={styles.facts}>
          {props.facts.map(([term, value]) => (
            <div key={term} style={{ display: 'contents' }}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.detail}>{value ?? '—'}</dd>
            </div>
          ))}
        </dl>
        <Subtitle2 as="h3">Findings</Subtitle2>
        {error && <Body1>{error}</Body1>}
        {!findings && !error && <Spinner size="small" label="Checking the rules…" />}
        {findings?.length === 0 && <Body1 className={styles.muted}>No finding touches this record.</Body1>}
        <div data-testid="record-findings">
          {findings?.map((finding) => (
            <div key={finding.rule} className={styles.finding}>
              <div className={styles.findingHead}>
                <SeverityBadge severity={finding.severity} />
                <Caption1 className={styles.muted}>{finding.rule}</Caption1>
              </div>
              <Body1>{finding.title}</Body1>
              {finding.detail && <Caption1>{finding.detail}</Caption1>}
              {finding.decision && (
                <Caption1>
                  {DECISION_LABELS[finding.decision.decision]}: {finding.decision.note} ({finding.decision.decidedBy})
                </Caption1>
              )}
            </div>
          ))}
        </div>
      </DrawerBody>
    </OverlayDrawer>
  );
}

export function deviceFindings(deviceId: number) {
  return () => callApi('findings.forDevice', { deviceId });
}

export function userFindings(userId: number) {
  return () => callApi('findings.forUser', { userId });
}
