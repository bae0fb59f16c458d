import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { GateReasons } from '../../../../electron/contract/wizard';
import { callApi } from '../../api/callApi';
import { useWizardStore } from './wizardStore';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

const MIN_JUSTIFICATION = 10;

/** Opens a gated step despite what is open: a written justification, audited and printed in the reports. */
export function OverrideDialog({ stepId, stepTitle, reasons, onClose }: { stepId: string; stepTitle: string; reasons: GateReasons; onClose: () => void }) {
  const styles = useStyles();
  const act = useWizardStore((state) => state.act);
  const [by, setBy] = useState(useWizardStore.getState().actor);
  const [justification, setJustification] = useState('');
  const [saving, setSaving] = useState(false);
  const tooShort = justification.trim().length < MIN_JUSTIFICATION;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const done = await act(() => callApi('wizard.override', { stepId, justification, by }));
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>Override the gate of “{stepTitle}”</DialogTitle>
            <DialogContent className={styles.form}>
              <MessageBar intent="warning">
                <MessageBarBody>
                  {reasons.blockers.length} blocker finding{reasons.blockers.length === 1 ? '' : 's'} and {reasons.checks.length} required check
                  {reasons.checks.length === 1 ? '' : 's'} of earlier phases are still open. The override, with what is open now, goes into the audit log and the
                  reports.
                </MessageBarBody>
              </MessageBar>
              <Field
                label="Justification"
                required
                hint={`Why the switch may go ahead anyway (at least ${MIN_JUSTIFICATION} characters).`}
                validationState={justification && tooShort ? 'error' : 'none'}
                validationMessage={justification && tooShort ? `At least ${MIN_JUSTIFICATION} characters` : undefined}
              >
                <Textarea value={justification} onChange={(_event, data) => setJustification(data.value)} resize="vertical" rows={4} />
              </Field>
              <Field label="Overridden by" required>
                <Input value={by} onChange={(_event, data) => setBy(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving || tooShort || !by.trim()}>
                Override
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
