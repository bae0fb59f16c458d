import { Badge, Body1, Button, Caption1, Card, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TimelineEntry } from '../../../../electron/contract/wizard';
import { callApi, messageOf } from '../../api/callApi';
import { formatDateTime } from '../../app/format';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  calendar: { marginLeft: 'auto' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'grid', gridTemplateColumns: '200px 1fr 150px', gap: tokens.spacingHorizontalL, alignItems: 'start', padding: tokens.spacingHorizontalM },
  when: { display: 'flex', flexDirection: 'column', fontVariantNumeric: 'tabular-nums' },
  countdown: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  passed: { color: tokens.colorNeutralForeground3 },
  description: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXXS} 0` },
  status: { justifySelf: 'end' },
  flush: { margin: 0 },
});

const STATUS = {
  upcoming: { label: 'Upcoming', color: 'brand' },
  passed: { label: 'Passed', color: 'subtle' },
  waiting: { label: 'Waiting', color: 'informative' },
} as const;

function Entry({ entry }: { entry: TimelineEntry }) {
  const styles = useStyles();
  return (
    <li>
      <Card className={styles.entry} data-deadline={entry.id} data-status={entry.status}>
        <div className={styles.when}>
          <Text block className={entry.status === 'passed' ? styles.passed : styles.countdown}>
            {entry.countdown}
          </Text>
          <Caption1 block>{entry.at ? `${entry.kind === 'by' ? 'by ' : ''}${formatDateTime(entry.at)}` : 'not yet known'}</Caption1>
        </div>
        <div>
          <Text weight="semibold" block>
            {entry.label}
          </Text>
          <Body1 as="p" block className={styles.description}>
            {entry.description}
          </Body1>
          <Caption1 block>Sources: {entry.sources.join(', ')}</Caption1>
        </div>
        <Badge className={styles.status} appearance="tint" color={STATUS[entry.status].color}>
          {STATUS[entry.status].label}
        </Badge>
      </Card>
    </li>
  );
}

/** The deadlines measured from the switch (and the APNs expiry), counting down on the real clock. */
export function TimelinePanel() {
  const styles = useStyles();
  const status = useWizardStore((state) => state.switchStatus);
  const event = useWizardStore((state) => state.wizard?.playbook.switchEvent.label) ?? 'The recorded event';
  const [saved, setSaved] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  async function saveCalendar() {
    try {
      const file = await callApi('wizard.saveCalendar', {});
      if (file) setSaved({ intent: 'success', text: `Saved ${file.events} deadlines with reminders to ${file.path}` });
    } catch (error) {
      setSaved({ intent: 'error', text: messageOf(error) });
    }
  }

  return (
    <section className={styles.panel} aria-labelledby="timeline-title" data-testid="timeline">
      <div className={styles.heading}>
        <Title3 as="h2" id="timeline-title" className={styles.flush}>
          Switch timeline
        </Title3>
        <Button className={styles.calendar} icon={<CalendarAddRegular />} onClick={() => void saveCalendar()} disabled={!status}>
          Add to calendar…
        </Button>
      </div>
      {!status ? (
        <Spinner label="Computing the deadlines…" />
      ) : (
        <>
          <Body1 as="p" block className={styles.flush}>
            {status.switchedAt
              ? `${event}: ${formatDateTime(status.switchedAt)}. Countdowns are from now, ${formatDateTime(status.now)}.`
              : `The deadlines that follow "${event}" appear once the step that records it is done. Deadlines from the data, such as the APNs expiry, are shown already.`}
          </Body1>
          {saved && (
            <MessageBar intent={saved.intent} role="status">
              <MessageBarBody>{saved.text}</MessageBarBody>
            </MessageBar>
          )}
          <Subtitle2 as="h3" className={styles.flush}>
            Deadlines
          </Subtitle2>
          <ol className={styles.list} aria-label="Deadlines">
            {status.timeline.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
