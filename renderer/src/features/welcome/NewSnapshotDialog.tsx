import { Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PlaybookSummary } from '../../../../electron/contract/api';
import { callApi } from '../../api/callApi';
import { FormDialog } from '../../app/FormDialog';
import { useSnapshotStore } from '../snapshot/snapshotStore';

/** Names the engagement and the migration it is for; the main process then asks where to save the .mdmsnap file. */
export function NewSnapshotDialog({ onClose }: { onClose: () => void }) {
  const create = useSnapshotStore((state) => state.create);
  const busy = useSnapshotStore((state) => state.busy);
  const [customer, setCustomer] = useState('');
  const [consultant, setConsultant] = useState('');
  const [playbooks, setPlaybooks] = useState<PlaybookSummary[]>([]);
  const [playbookId, setPlaybookId] = useState('');
  const [touched, setTouched] = useState(false);
  const customerMissing = customer.trim() === '';

  useEffect(() => {
    void callApi('playbooks.list', {}).then((list) => {
      setPlaybooks(list);
      setPlaybookId((chosen) => chosen || (list[0]?.id ?? ''));
    });
  }, []);

  async function submit(): Promise<boolean> {
    setTouched(true);
    if (customerMissing || !playbookId) return false;
    const created = await create(customer, consultant, playbookId);
    if (created) {
      setCustomer('');
      setConsultant('');
      setTouched(false);
    }
    return created;
  }

  const chosen = playbooks.find((playbook) => playbook.id === playbookId);
  return (
    <FormDialog title="New snapshot" submitLabel="Create…" canSubmit={busy === null && chosen !== undefined} onSubmit={submit} onClose={onClose}>
      <Field label="Customer" required validationMessage={touched && customerMissing ? 'Name the customer this engagement is for.' : undefined}>
        <Input value={customer} onChange={(_event, data) => setCustomer(data.value)} autoFocus />
      </Field>
      <Field label="Consultant" hint="Shown on the checklist and reports.">
        <Input value={consultant} onChange={(_event, data) => setConsultant(data.value)} />
      </Field>
      <Field label="Migration" hint={chosen ? `${chosen.summary} The migration cannot be changed later.` : undefined}>
        <Select value={playbookId} onChange={(_event, data) => setPlaybookId(data.value)}>
          {playbooks.map((playbook) => (
            <option key={playbook.id} value={playbook.id}>
              {playbook.title}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
