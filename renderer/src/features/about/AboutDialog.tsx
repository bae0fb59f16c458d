import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useSnapshotStore } from '../snapshot/snapshotStore';

const useStyles = makeStyles({
  version: { marginBottom: tokens.spacingVerticalS },
});

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const appVersion = useSnapshotStore((state) => state.appVersion);
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>MDM Migration Assistant</DialogTitle>
          <DialogContent>
            <Body1 as="p" className={styles.version}>
              Version {appVersion}
            </Body1>
            <Body1 as="p">
              Offline assistant for moving a hybrid MDM tenant (Intune through Configuration Manager) to Intune standalone. All data stays in the
              snapshot file on this computer.
            </Body1>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
