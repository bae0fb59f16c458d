import { Button, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { FindingItem } from '../../../../electron/contract/findings';
import { callApi, messageOf } from '../../api/callApi';
import { FormDialog } from '../../app/FormDialog';
import { useSnapshotStore } from '../snapshot/snapshotStore';

/** Records "accepted risk" or "resolved outside the tool" for one item; written to the audit log. */
export function DecisionDialog({ rule, item, onClose, onSaved }: { rule: string; item: FindingItem; onClose: () => void; onSaved: () => void }) {
  const consultant = useSnapshotStore((state) => state.current?.consultant ?? '');
  const [decision, setDecision] = useState<'accepted_risk' | 'resolved_outside'>(item.decision?.decision ?? 'accepted_risk');
  const [note, setNote] = useState(item.decision?.note ?? '');
  const [decidedBy, setDecidedBy] = useState(item.decision?.decidedBy ?? consultant);
  const [error, setError] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);
  const label = ('name' in item && item.name) || item.key;

  /** Saving or clearing: on success the finding reloads and the dialog goes; a refusal shows under "Why". */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await action();
      onSaved();
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    }
  }

  async function clear() {
    setClearing(true);
    await run(() => callApi('findings.clearDecision', { rule, itemKey: item.key, decidedBy: decidedBy || consultant || 'consultant' }));
    setClearing(false);
  }

  return (
    <FormDialog
      title={`Decision for ${label}`}
      submitLabel="Save decision"
      canSubmit={!clearing}
      onSubmit={() => run(() => callApi('findings.decide', { rule, itemKey: item.key, decision, note, decidedBy }))}
      onClose={onClose}
      extraActions={
        item.decision && (
          <Button appearance="subtle" disabled={clearing} onClick={() => void clear()}>
            Clear decision
          </Button>
        )
      }
    >
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
    </FormDialog>
  );
}
