import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useSnapshotStore } from '../snapshot/snapshotStore';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Names the engagement; the main process then asks where to save the .mdmsnap file. */
export function NewSnapshotDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const create = useSnapshotStore((state) => state.create);
  const busy = useSnapshotStore((state) => state.busy);
  const [customer, setCustomer] = useState('');
  const [consultant, setConsultant] = useState('');
  const [touched, setTouched] = useState(false);
  const customerMissing = customer.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (customerMissing) return;
    if (await create(customer, consultant)) {
      setCustomer('');
      setConsultant('');
      setTouched(false);
      onClose();
    }
  }

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>New snapshot</DialogTitle>
            <DialogContent className={styles.form}>
              <Field label="Customer" required validationMessage={touched && customerMissing ? 'Name the customer this engagement is for.' : undefined}>
                <Input value={customer} onChange={(_event, data) => setCustomer(data.value)} autoFocus />
              </Field>
              <Field label="Consultant" hint="Shown on the checklist and reports.">
                <Input value={consultant} onChange={(_event, data) => setConsultant(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={busy !== null}>
                Create…
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
