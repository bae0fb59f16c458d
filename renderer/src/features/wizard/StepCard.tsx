import { Badge, Body1, Button, Caption1, Card, Field, Input, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ShieldProhibitedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { StepView, TenantFact } from '../../../../electron/contract/wizard';
import { callApi } from '../../api/callApi';
import { formatDateTime, toLocalInput } from '../../app/format';
import { CheckList, openFinding, type CheckActions } from './CheckList';
import { OverrideDialog } from './OverrideDialog';
import { TickDialog } from './TickDialog';
import { StateBadge } from './stateIcons';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({
  // Cards keep their height in the scrolling column instead of shrinking to fit it.
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM, scrollMarginTop: tokens.spacingVerticalL, flexShrink: 0, overflow: 'visible' },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '0' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  count: { color: tokens.colorNeutralForeground3, marginLeft: 'auto', fontVariantNumeric: 'tabular-nums' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sources: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  gate: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  record: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  // Headings take their spacing from the card's gap, not the browser's default margins.
  flush: { margin: 0 },
});

/** How many open reasons the blocked message lists before "and N more". */
const REASONS_SHOWN = 6;

function TextList({ title, items }: { title: string; items: readonly string[] }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <div className={styles.section}>
      <h4 className={styles.heading}>{title}</h4>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item}>
            <Body1>{item}</Body1>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The gate of a gated step: why it is blocked, the override, or who overrode it and why. */
function Gate({ step }: { step: StepView }) {
  const styles = useStyles();
  const [overriding, setOverriding] = useState(false);
  const gate = step.gate!;
  const reasons = [
    ...gate.reasons.blockers.map((blocker) => ({
      key: blocker.rule,
      content: (
        <>
          Blocker{' '}
          <Link as="button" className={styles.mono} onClick={() => openFinding(blocker.rule)}>
            {blocker.rule}
          </Link>{' '}
          {blocker.title}: {blocker.evaluated ? `${blocker.openCount} open` : 'not evaluated yet'}
        </>
      ),
    })),
    ...gate.reasons.checks.map((check) => ({ key: check.checkId, content: <>Required check open: {check.label}</> })),
  ];
  if (gate.override) {
    return (
      <MessageBar intent="warning" data-testid="gate-overridden">
        <MessageBarBody>
          <MessageBarTitle>Gate overridden</MessageBarTitle>
          by {gate.override.by} on {formatDateTime(gate.override.at)}: “{gate.override.justification}”
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!gate.blocked) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Nothing blocks this step: no open blocker and every required check of the earlier phases is done.</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.gate} data-testid="gate-blocked">
      <MessageBar intent="error" icon={<ShieldProhibitedRegular />}>
        <MessageBarBody>
          <MessageBarTitle>Blocked</MessageBarTitle>
          {gate.reasons.blockers.length} open blocker{gate.reasons.blockers.length === 1 ? '' : 's'} and {gate.reasons.checks.length} open required check
          {gate.reasons.checks.length === 1 ? '' : 's'} of earlier phases.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setOverriding(true)}>Override…</Button>
        </MessageBarActions>
      </MessageBar>
      <ul className={styles.reasons} aria-label="What blocks this step">
        {reasons.slice(0, REASONS_SHOWN).map((reason) => (
          <li key={reason.key}>
            <Body1>{reason.content}</Body1>
          </li>
        ))}
        {reasons.length > REASONS_SHOWN && (
          <li>
            <Body1>and {reasons.length - REASONS_SHOWN} more</Body1>
          </li>
        )}
      </ul>
      {overriding && <OverrideDialog stepId={step.id} stepTitle={step.title} reasons={gate.reasons} onClose={() => setOverriding(false)} />}
    </div>
  );
}

/** Records the step's event (the playbook names it: the authority changed, set, coexistence activated): now by default, editable. */
function RecordEvent({ step }: { step: StepView }) {
  const styles = useStyles();
  const { act, actor } = useWizardStore();
  const switchEvent = useWizardStore((state) => state.wizard?.playbook.switchEvent);
  const event = switchEvent?.label ?? 'The event';
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  const blocked = step.gate?.blocked ?? false;
  const valid = !Number.isNaN(new Date(at).getTime());
  return (
    <div className={styles.section}>
      <h4 className={styles.heading}>Record when: {event}</h4>
      {step.recorded && (
        <Body1 data-testid="switch-recorded">
          Recorded: {formatDateTime(step.recorded.at)}, by {step.recorded.recordedBy}. Record again to correct the time.
        </Body1>
      )}
      <div className={styles.record}>
        <Field label={`When: ${event}`} hint="Now by default; your local time.">
          <Input type="datetime-local" value={at} onChange={(_event, data) => setAt(data.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={blocked || !valid}
          onClick={() => void act(() => callApi('wizard.recordSwitch', { by: actor, at: new Date(at).toISOString() }))}
        >
          {switchEvent?.recordAction ?? 'Record the time'}
        </Button>
        {blocked && <Caption1>Resolve what blocks this step, or override it, first.</Caption1>}
      </div>
    </div>
  );
}

/** Who signed the step off, in what role and when; and a way to add a sign-off. */
function SignOffs({ step }: { step: StepView }) {
  const styles = useStyles();
  const act = useWizardStore((state) => state.act);
  const [signing, setSigning] = useState(false);
  return (
    <div className={styles.section}>
      <h4 className={styles.heading}>Sign-offs</h4>
      {step.signOffs.length === 0 ? (
        <Caption1>Not signed off yet.</Caption1>
      ) : (
        <ul className={styles.list} data-testid="sign-offs">
          {step.signOffs.map((signOff) => (
            <li key={`${signOff.by}-${signOff.at}`}>
              <Body1>
                {signOff.by}
                {signOff.role ? ` (${signOff.role})` : ''}, {formatDateTime(signOff.at)}
                {signOff.note ? `: ${signOff.note}` : ''}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button size="small" onClick={() => setSigning(true)}>
          Sign off…
        </Button>
      </div>
      {signing && (
        <TickDialog
          purpose="signOff"
          label={step.title}
          onTick={(by, note, role) => act(() => callApi('wizard.signOff', { stepId: step.id, by, note, role: role || undefined }))}
          onClose={() => setSigning(false)}
        />
      )}
    </div>
  );
}

/** One step of the playbook as a card: what to do, prerequisites, risks, sources and its checks. */
export function StepCard({ step, facts, current, actions }: { step: StepView; facts: readonly TenantFact[]; current: boolean; actions: CheckActions }) {
  const styles = useStyles();
  const goToStep = useWizardStore((state) => state.goToStep);
  return (
    <Card
      className={mergeClasses(styles.card, current && styles.current)}
      id={`step-${step.id}`}
      data-step={step.id}
      data-state={step.state}
      aria-current={current ? 'step' : undefined}
      role="region"
      aria-labelledby={`step-title-${step.id}`}
      onFocus={() => !current && void goToStep(step.id)}
    >
      <div className={styles.header}>
        <Subtitle2 as="h3" id={`step-title-${step.id}`} className={styles.flush}>
          {step.title}
        </Subtitle2>
        <StateBadge state={step.state} />
        {current && (
          <Badge appearance="filled" color="brand">
            You are here
          </Badge>
        )}
        <Caption1 className={styles.count}>
          {step.done} of {step.total} checks done
        </Caption1>
      </div>
      {step.gate && <Gate step={step} />}
      <div className={styles.columns}>
        <TextList title="What to do" items={step.actions} />
        <div className={styles.section}>
          <TextList title="Prerequisites" items={step.prerequisites} />
          <TextList title="Risks" items={step.risks} />
          {step.sources.length > 0 && (
            <div className={styles.section}>
              <h4 className={styles.heading}>Sources</h4>
              <div className={styles.sources}>
                {step.sources.map((source) => (
                  <Badge key={source} appearance="outline" color="informative" shape="rounded">
                    {source}
                  </Badge>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
      {step.records && <RecordEvent step={step} />}
      {step.checks.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.heading}>Checks</h4>
          <CheckList checks={step.checks} facts={facts} actions={actions} label={`Checks of ${step.title}`} />
        </div>
      )}
      <SignOffs step={step} />
    </Card>
  );
}
