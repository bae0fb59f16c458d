import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/**
 * A modal form with Cancel and one submit button: the submit is disabled while it runs or while
 * `canSubmit` is false, and the dialog closes only when `onSubmit` reports success (a refusal
 * stays on screen, shown by the store that ran it).
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  canSubmit: boolean;
  onSubmit: () => Promise<boolean>;
  onClose: () => void;
  /** 'alert' for decisions that need attention (an override); the dialog then has no light dismiss. */
  modalType?: 'modal' | 'alert';
  /** Buttons before Cancel, e.g. "Clear decision". */
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const done = await props.onSubmit();
    setSaving(false);
    if (done) props.onClose();
  }

  return (
    <Dialog open modalType={props.modalType ?? 'modal'} onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.form}>{props.children}</DialogContent>
            <DialogActions>
              {props.extraActions}
              <Button appearance="secondary" onClick={props.onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={saving || !props.canSubmit}>
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
