import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { FindingItem } from '../../../../electron/contract/findings';
import { callApi, messageOf } from '../../api/callApi';
import { useSnapshotStore } from '../snapshot/snapshotStore';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Records "accepted risk" or "resolved outside the tool" for one item; written to the audit log. */
export function DecisionDialog({ rule, item, onClose, onSaved }: { rule: string; item: FindingItem; onClose: () => void; onSaved: () => void }) {
  const styles = useStyles();
  const consultant = useSnapshotStore((state) => state.current?.consultant ?? '');
  const [decision, setDecision] = useState<'accepted_risk' | 'resolved_outside'>(item.decision?.decision ?? 'accepted_risk');
  const [note, setNote] = useState(item.decision?.note ?? '');
  const [decidedBy, setDecidedBy] = useState(item.decision?.decidedBy ?? consultant);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const label = ('name' in item && item.name) || item.key;

  async function run(action: () => Promise<unknown>) {
    setSaving(true);
    setError(null);
    try {
      await action();
      onSaved();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => callApi('findings.decide', { rule, itemKey: item.key, decision, note, decidedBy }));
  }

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Decision for {label}</DialogTitle>
            <DialogContent className={styles.form}>
              <RadioGroup value={decision} onChange={(_event, data) => setDecision(data.value as typeof decision)} aria-label="Decision">
                <Radio value="accepted_risk" label="Accepted risk: migrate as is" />
                <Radio value="resolved_outside" label="Resolved outside the tool" />
              </RadioGroup>
              <Field label="Why" required validationState={error ? 'error' : 'none'} validationMessage={error ?? undefined}>
                <Textarea value={note} onChange={(_event, data) => setNote(data.value)} resize="vertical" />
              </Field>
              <Field label="Decided by" required>
                <Input value={decidedBy} onChange={(_event, data) => setDecidedBy(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              {item.decision && (
                <Button appearance="subtle" disabled={saving} onClick={() => void run(() => callApi('findings.clearDecision', { rule, itemKey: item.key, decidedBy: decidedBy || consultant || 'consultant' }))}>
                  Clear decision
                </Button>
              )}
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving}>
                Save decision
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
