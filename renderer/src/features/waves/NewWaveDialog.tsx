import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useWizardStore } from '../wizard/wizardStore';
import { useWavesStore } from './wavesStore';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function NewWaveDialog({ hasPilot, onClose }: { hasPilot: boolean; onClose: () => void }) {
  const styles = useStyles();
  const create = useWavesStore((state) => state.create);
  const [name, setName] = useState(hasPilot ? '' : 'Pilot');
  const [pilot, setPilot] = useState(!hasPilot);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const done = await create(name, pilot, useWizardStore.getState().actor);
    setSaving(false);
    if (done) onClose();
  }

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>New wave</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Name" required>
                <Input value={name} onChange={(_event, data) => setName(data.value)} />
              </Field>
              <Switch checked={pilot} disabled={hasPilot} onChange={(_event, data) => setPilot(data.checked)} label={hasPilot ? 'Pilot wave (there is one already)' : 'Pilot wave'} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving || !name.trim()}>
                Create wave
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
