import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({ field: { width: '220px' } });

/** The name ticks, answers, overrides and wave changes are audited under; the snapshot's consultant by default. */
export function ActorField() {
  const styles = useStyles();
  const { actor, setActor } = useWizardStore();
  return (
    <Field label="Recording as" className={styles.field} validationState={actor.trim() ? 'none' : 'warning'} validationMessage={actor.trim() ? undefined : 'Enter your name'}>
      <Input value={actor} onChange={(_event, data) => setActor(data.value)} placeholder="Your name" />
    </Field>
  );
}
