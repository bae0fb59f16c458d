import { Badge, Caption1, Checkbox, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CheckView, TenantFact } from '../../../../electron/contract/wizard';
import { useFindingsStore } from '../findings/findingsStore';
import { FactInput } from '../tenant/FactInput';
import { useNavigationStore } from '../workspace/navigationStore';
import { StateIcon } from './stateIcons';
import { TickDialog } from './TickDialog';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px 1fr',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  // Pulls Fluent's checkbox padding back so the box lines up with the state icons.
  checkbox: { margin: `-${tokens.spacingVerticalS} 0 0 -${tokens.spacingHorizontalS}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  detail: { color: tokens.colorNeutralForeground3 },
  links: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const KIND_LABELS = { automatic: 'Automatic', question: 'Question', manual: 'Manual' } as const;

export interface CheckActions {
  tick(checkId: string, by: string, note: string): Promise<boolean>;
  untick(checkId: string): Promise<boolean>;
  /** Questions only (the wizard's steps; wave checklists have none). */
  answer?(questionId: string, value: string): Promise<boolean>;
}

/** Shows a finding on the Findings page, selected. */
export function openFinding(rule: string): void {
  useFindingsStore.getState().select(rule);
  useNavigationStore.getState().go('findings');
}

/**
 * A step's or a wave's checks, whatever the playbook declares: automatic ones with their live
 * state and links to the findings, questions with an input, manual ones ticked with a name.
 */
export function CheckList({ checks, facts, actions, label }: { checks: readonly CheckView[]; facts: readonly TenantFact[]; actions: CheckActions; label: string }) {
  const styles = useStyles();
  const [ticking, setTicking] = useState<CheckView | null>(null);
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {checks.map((check) => {
          const fact = check.fact ? facts.find((candidate) => candidate.key === check.fact) : undefined;
          return (
            <li key={check.id} className={styles.item} data-check={check.id} data-state={check.state}>
              {/* A manual check's state is its checkbox; the others show theirs as an icon. */}
              {check.kind === 'manual' ? (
                <Checkbox
                  className={styles.checkbox}
                  checked={check.state === 'done'}
                  aria-labelledby={`check-label-${check.id}`}
                  onChange={(_event, data) => (data.checked ? setTicking(check) : void actions.untick(check.id))}
                />
              ) : (
                <StateIcon state={check.state} />
              )}
              <div className={styles.body}>
                <div className={styles.title}>
                  <Text weight="semibold" id={`check-label-${check.id}`}>
                    {check.label}
                  </Text>
                  <Badge appearance="outline" color="informative" size="small">
                    {KIND_LABELS[check.kind]}
                  </Badge>
                  {!check.required && (
                    <Badge appearance="outline" color="informative" size="small">
                      Optional
                    </Badge>
                  )}
                </div>
                {check.kind === 'question' && fact && actions.answer ? (
                  <FactInput key={fact.value ?? ''} fact={fact} label={check.label} onSave={(value) => actions.answer!(check.id, value)} />
                ) : null}
                <Caption1 className={styles.detail}>{check.detail}</Caption1>
                {check.rules.length > 0 && (
                  <div className={styles.links}>
                    {check.rules.map((rule) => (
                      <Link key={rule} as="button" onClick={() => openFinding(rule)} className={styles.mono}>
                        Finding {rule}
                      </Link>
                    ))}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {ticking && (
        <TickDialog purpose="check" label={ticking.label} onTick={(by, note) => actions.tick(ticking.id, by, note)} onClose={() => setTicking(null)} />
      )}
    </>
  );
}

