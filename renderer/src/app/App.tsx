import { MessageBar, MessageBarActions, MessageBarBody, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useSnapshotStore } from '../features/snapshot/snapshotStore';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen';
import { Workspace } from '../features/workspace/Workspace';
import { AboutDialog } from '../features/about/AboutDialog';
import { ImportDialog } from '../features/import/ImportDialog';
import { useImportStore } from '../features/import/importStore';
import { useFileDrop } from '../features/import/useFileDrop';
import { NewSnapshotDialog } from '../features/welcome/NewSnapshotDialog';
import { useNavigationStore } from '../features/workspace/navigationStore';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';

const useStyles = makeStyles({
  main: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  loading: { margin: 'auto' },
  error: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

export function App() {
  const styles = useStyles();
  const { current, loaded, load, error, dismissError, showError } = useSnapshotStore();
  useFileDrop(current !== null, showError);
  const pendingCommand = useNavigationStore((state) => state.pendingCommand);
  const importOpen = useImportStore((state) => state.phase !== 'closed');
  const [dialog, setDialog] = useState<'newSnapshot' | 'about' | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const command = useNavigationStore.getState().takeCommand('newSnapshot', 'about');
    if (command === 'newSnapshot' || command === 'about') setDialog(command);
  }, [pendingCommand]);

  return (
    <>
      <AppHeader onNewSnapshot={() => setDialog('newSnapshot')} onAbout={() => setDialog('about')} />
      <main className={styles.main}>
        {error && (
          <MessageBar intent="error" className={styles.error} role="alert">
            <MessageBarBody>{error}</MessageBarBody>
            <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={dismissError} />} />
          </MessageBar>
        )}
        <ErrorBoundary>
          {!loaded ? <Spinner className={styles.loading} label="Starting…" /> : current ? <Workspace snapshot={current} /> : <WelcomeScreen onNewSnapshot={() => setDialog('newSnapshot')} />}
        </ErrorBoundary>
      </main>
      {/* Dialogs are mounted only while open: a closed-but-mounted modal can leave aria-hidden on the next one. */}
      {dialog === 'newSnapshot' && <NewSnapshotDialog onClose={() => setDialog(null)} />}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {importOpen && <ImportDialog />}
    </>
  );
}
