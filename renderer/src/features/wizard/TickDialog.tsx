import { Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { useWizardStore } from './wizardStore';

const PURPOSES = {
  check: { title: 'Tick a manual check', subject: 'Check', confirm: 'Tick' },
  signOff: { title: 'Sign off the step', subject: 'Step', confirm: 'Sign off' },
  apns: { title: 'Confirm the APNs certificate', subject: 'Confirm', confirm: 'Confirm' },
} as const;

/**
 * Asks who ticked a manual check, confirmed the APNs certificate or signed a step off (and in
 * what role), and for a note: these are evidence, recorded with a name and the time in the audit log.
 */
export function TickDialog(props: { purpose: keyof typeof PURPOSES; label: string; onTick: (by: string, note: string, role: string) => Promise<boolean>; onClose: () => void }) {
  const purpose = PURPOSES[props.purpose];
  // Sign-offs say in what role (consultant, customer …).
  const askRole = props.purpose === 'signOff';
  const [by, setBy] = useState(useWizardStore.getState().actor);
  const [note, setNote] = useState('');
  const [role, setRole] = useState('');
  return (
    <FormDialog title={purpose.title} submitLabel={purpose.confirm} canSubmit={by.trim() !== ''} onSubmit={() => props.onTick(by, note, role)} onClose={props.onClose}>
      <Field label={purpose.subject}>{props.label}</Field>
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
    </FormDialog>
  );
}
