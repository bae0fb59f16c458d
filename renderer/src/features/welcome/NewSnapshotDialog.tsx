import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { useSnapshotStore } from '../snapshot/snapshotStore';

/** Names the engagement; the main process then asks where to save the .mdmsnap file. */
export function NewSnapshotDialog({ onClose }: { onClose: () => void }) {
  const create = useSnapshotStore((state) => state.create);
  const busy = useSnapshotStore((state) => state.busy);
  const [customer, setCustomer] = useState('');
  const [consultant, setConsultant] = useState('');
  const [touched, setTouched] = useState(false);
  const customerMissing = customer.trim() === '';

  async function submit(): Promise<boolean> {
    setTouched(true);
    if (customerMissing) return false;
    const created = await create(customer, consultant);
    if (created) {
      setCustomer('');
      setConsultant('');
      setTouched(false);
    }
    return created;
  }

  return (
    <FormDialog title="New snapshot" submitLabel="Create…" canSubmit={busy === null} onSubmit={submit} onClose={onClose}>
      <Field label="Customer" required validationMessage={touched && customerMissing ? 'Name the customer this engagement is for.' : undefined}>
        <Input value={customer} onChange={(_event, data) => setCustomer(data.value)} autoFocus />
      </Field>
      <Field label="Consultant" hint="Shown on the checklist and reports.">
        <Input value={consultant} onChange={(_event, data) => setConsultant(data.value)} />
      </Field>
    </FormDialog>
  );
}
