import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleHalfFillRegular, CircleRegular, LockClosedFilled, QuestionCircleRegular } from '@fluentui/react-icons';
import type { CheckView, StepView } from '../../../../electron/contract/wizard';

const useStyles = makeStyles({
  done: { color: tokens.colorPaletteGreenForeground1 },
  open: { color: tokens.colorNeutralForeground3 },
  progress: { color: tokens.colorBrandForeground1 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

type State = StepView['state'] | CheckView['state'];

const LABELS: Record<State, string> = {
  done: 'Done',
  open: 'Open',
  unknown: 'Not evaluated',
  not_started: 'Not started',
  in_progress: 'In progress',
  blocked: 'Blocked',
};

/** The icon of a step's, phase's or check's state, with its name for screen readers. */
export function StateIcon({ state }: { state: State }) {
  const styles = useStyles();
  const label = LABELS[state];
  if (state === 'done') return <CheckmarkCircleFilled className={styles.done} aria-label={label} role="img" fontSize={20} />;
  if (state === 'blocked') return <LockClosedFilled className={styles.blocked} aria-label={label} role="img" fontSize={20} />;
  if (state === 'in_progress') return <CircleHalfFillRegular className={styles.progress} aria-label={label} role="img" fontSize={20} />;
  if (state === 'unknown') return <QuestionCircleRegular className={styles.open} aria-label={label} role="img" fontSize={20} />;
  return <CircleRegular className={styles.open} aria-label={label} role="img" fontSize={20} />;
}

const COLORS = { done: 'success', blocked: 'danger', in_progress: 'brand', not_started: 'informative', open: 'informative', unknown: 'warning' } as const;

export function StateBadge({ state }: { state: State }) {
  return (
    <Badge appearance="tint" color={COLORS[state]} shape="rounded">
      {LABELS[state]}
    </Badge>
  );
}
