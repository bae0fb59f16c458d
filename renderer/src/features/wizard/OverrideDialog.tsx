import { Field, Input, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { GateReasons } from '../../../../electron/contract/wizard';
import { callApi } from '../../api/callApi';
import { FormDialog } from '../../app/FormDialog';
import { useWizardStore } from './wizardStore';

const MIN_JUSTIFICATION = 10;

/** Opens a gated step despite what is open: a written justification, audited and printed in the reports. */
export function OverrideDialog({ stepId, stepTitle, reasons, onClose }: { stepId: string; stepTitle: string; reasons: GateReasons; onClose: () => void }) {
  const act = useWizardStore((state) => state.act);
  const [by, setBy] = useState(useWizardStore.getState().actor);
  const [justification, setJustification] = useState('');
  const tooShort = justification.trim().length < MIN_JUSTIFICATION;
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return (
    <FormDialog
      title={`Override the gate of “${stepTitle}”`}
      submitLabel="Override"
      modalType="alert"
      canSubmit={!tooShort && by.trim() !== ''}
      onSubmit={() => act(() => callApi('wizard.override', { stepId, justification, by }))}
      onClose={onClose}
    >
      <MessageBar intent="warning">
        <MessageBarBody>
          {plural(reasons.blockers.length, 'blocker finding')} and {plural(reasons.checks.length, 'required check')} of earlier phases are still open. The
          override, with what is open now, goes into the audit log and the reports.
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
    </FormDialog>
  );
}
