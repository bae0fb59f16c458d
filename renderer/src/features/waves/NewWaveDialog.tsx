import { Field, Input, Switch } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { useWizardStore } from '../wizard/wizardStore';
import { useWavesStore } from './wavesStore';

/** Names a new wave; the first one is the pilot unless said otherwise, and there is only one pilot. */
export function NewWaveDialog({ hasPilot, onClose }: { hasPilot: boolean; onClose: () => void }) {
  const create = useWavesStore((state) => state.create);
  const [name, setName] = useState(hasPilot ? '' : 'Pilot');
  const [pilot, setPilot] = useState(!hasPilot);
  return (
    <FormDialog title="New wave" submitLabel="Create wave" canSubmit={name.trim() !== ''} onSubmit={() => create(name, pilot, useWizardStore.getState().actor)} onClose={onClose}>
      <Field label="Name" required>
        <Input value={name} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Switch checked={pilot} disabled={hasPilot} onChange={(_event, data) => setPilot(data.checked)} label={hasPilot ? 'Pilot wave (there is one already)' : 'Pilot wave'} />
    </FormDialog>
  );
}
