import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * Asks who did a manual check, a confirmation or a sign-off (and in what role) and for a note:
 * these are evidence, recorded with a name and the time in the audit log.
 */
export function TickDialog(props: {
  title: string;
  label: string;
  confirm: string;
  /** Sign-offs say in what role (consultant, customer …). */
  askRole?: boolean;
  onTick: (by: string, note: string, role: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { title, label, confirm, askRole, onTick, onClose } = props;
  const styles = useStyles();
  const [by, setBy] = useState(useWizardStore.getState().actor);
  const [note, setNote] = useState('');
  const [role, setRole] = useState('');
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const done = await onTick(by, note, role);
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={askRole ? 'Step' : 'Check'}>{label}</Field>
              <Field label="Done by" required validationState={by.trim() ? 'none' : 'error'} validationMessage={by.trim() ? undefined : 'Enter a name'}>
                <Input value={by} onChange={(_event, data) => setBy(data.value)} />
              </Field>
              {askRole && (
                <Field label="Role" hint="For example consultant, customer, change board.">
                  <Input value={role} onChange={(_event, data) => setRole(data.value)} />
                </Field>
              )}
              <Field label="Note" hint="What you saw, where, or a ticket number.">
                <Textarea value={note} onChange={(_event, data) => setNote(data.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving || !by.trim()}>
                {confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
