import { Body1, Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Spinner, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, TimerRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorBar } from '../../app/ErrorBar';
import { callApi } from '../../api/callApi';
import type { CheckActions } from './CheckList';
import { StateIcon } from './stateIcons';
import { StepCard } from './StepCard';
import { TimelinePanel } from './TimelinePanel';
import { ActorField } from './ActorField';
import { TIMELINE_VIEW, useWizardStore } from './wizardStore';

const useStyles = makeStyles({
  page: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  heading: {
    display: 'flex',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalXL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalM}`,
    flexWrap: 'wrap',
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '280px' },
  subtle: { color: tokens.colorNeutralForeground3 },
  progress: { width: '240px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  tools: { marginLeft: 'auto', display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  body: { flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '340px minmax(0, 1fr)', gridTemplateRows: 'minmax(0, 1fr)' },
  phases: { overflow: 'auto', padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
  phaseTab: { width: '100%', justifyContent: 'flex-start' },
  phaseLabel: { display: 'grid', gridTemplateColumns: '1fr auto', gap: tokens.spacingHorizontalS, width: '250px', textAlign: 'left' },
  phaseCount: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  steps: { overflow: 'auto', paddingTop: tokens.spacingVerticalXXS, padding: `0 ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  phaseIntro: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { margin: `0 ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalS}` },
  loading: { margin: 'auto' },
  flush: { margin: 0 },
});

/**
 * The migration wizard: the playbook's phases down the side with their progress, the chosen
 * phase's steps as cards, and the switch timeline. Everything comes from the playbook data.
 */
export function WizardScreen() {
  const styles = useStyles();
  const { wizard, facts, view, actor, loading, error, show, act, load, dismissError } = useWizardStore();

  useEffect(() => {
    void useWizardStore.getState().load();
  }, []);

  const actions = useMemo<CheckActions>(
    () => ({
      tick: (checkId, by, note) => act(() => callApi('wizard.tick', { checkId, by, note })),
      untick: (checkId) => act(() => callApi('wizard.untick', { checkId, by: actor })),
      answer: (questionId, value) => act(() => callApi('wizard.answer', { questionId, value, by: actor })),
    }),
    [act, actor],
  );

  // A newly chosen phase starts at its top, or at the step the consultant left off at.
  const stepsPane = useRef<HTMLDivElement>(null);
  const loaded = wizard !== null;
  useEffect(() => {
    stepsPane.current?.scrollTo({ top: 0 });
    const current = useWizardStore.getState().wizard?.currentStepId;
    if (current) document.getElementById(`step-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [view, loaded]);

  if (!wizard) {
    return error ? (
      <MessageBar intent="error" className={styles.error}>
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner className={styles.loading} label="Assessing the snapshot and loading the wizard…" />
    );
  }

  const phase = wizard.phases.find((candidate) => candidate.id === view);
  return (
    <section className={styles.page} aria-labelledby="wizard-title" data-testid="wizard">
      <div className={styles.heading}>
        <div className={styles.titles}>
          <Title3 as="h1" id="wizard-title">
            Migration wizard
          </Title3>
          <Caption1 className={styles.subtle}>
            {wizard.playbook.title} · playbook version {wizard.playbook.version}
          </Caption1>
        </div>
        <div className={styles.progress}>
          <ProgressBar value={wizard.progress.total ? wizard.progress.done / wizard.progress.total : 0} thickness="large" aria-label="Checks done" />
          <Caption1 data-testid="wizard-progress">
            {wizard.progress.done} of {wizard.progress.total} checks done · {wizard.progress.requiredOpen} required open
          </Caption1>
        </div>
        <div className={styles.tools}>
          <ActorField />
          <Button icon={loading ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />} disabled={loading} onClick={() => void load()}>
            Re-assess
          </Button>
        </div>
      </div>
      {error && <ErrorBar message={error} onDismiss={dismissError} className={styles.error} />}
      <div className={styles.body}>
        <nav className={styles.phases} aria-label="Phases">
          <TabList vertical selectedValue={view} onTabSelect={(_event, data) => show(String(data.value))}>
            {wizard.phases.map((candidate) => (
              <Tab key={candidate.id} value={candidate.id} className={styles.phaseTab} icon={<StateIcon state={candidate.state} />} data-phase={candidate.id}>
                <span className={styles.phaseLabel}>
                  <Text>
                    {candidate.id}. {candidate.title}
                  </Text>
                  <span className={styles.phaseCount}>
                    {candidate.done}/{candidate.total}
                  </span>
                </span>
              </Tab>
            ))}
            <Tab value={TIMELINE_VIEW} className={styles.phaseTab} icon={<TimerRegular />}>
              <span className={styles.phaseLabel}>
                <Text>Switch timeline</Text>
              </span>
            </Tab>
          </TabList>
        </nav>
        <div className={styles.steps} ref={stepsPane}>
          {view === TIMELINE_VIEW || !phase ? (
            <TimelinePanel />
          ) : (
            <>
              <div className={styles.phaseIntro}>
                <Title3 as="h2" className={styles.flush}>
                  Phase {phase.id}: {phase.title}
                </Title3>
                <Body1 className={styles.subtle}>{phase.summary}</Body1>
                <Caption1 className={styles.subtle}>
                  {phase.done} of {phase.total} checks done in {phase.steps.length} step{phase.steps.length === 1 ? '' : 's'}
                </Caption1>
              </div>
              {phase.steps.map((step) => (
                <StepCard key={step.id} step={step} facts={facts} current={step.id === wizard.currentStepId} actions={actions} />
              ))}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
