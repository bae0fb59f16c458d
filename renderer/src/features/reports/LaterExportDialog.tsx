import { Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { FormDialog } from '../../app/FormDialog';
import { JobProgress } from '../../app/JobProgress';
import { useWizardStore } from '../wizard/wizardStore';
import { useReportsStore } from './reportsStore';

/**
 * Names a later Intune export, then asks for its files: it is kept beside the baseline as a
 * new batch, which never replaces what the readiness findings were made from.
 */
export function LaterExportDialog({ onClose }: { onClose: () => void }) {
  const { importLaterExport, laterExportJob, error } = useReportsStore();
  const actor = useWizardStore((state) => state.actor);
  const [label, setLabel] = useState('');
  return (
    <FormDialog
      title="Import a later export"
      submitLabel="Choose files…"
      canSubmit={label.trim() !== '' && actor.trim() !== '' && laterExportJob === null}
      onSubmit={() => importLaterExport(label.trim(), actor.trim())}
      onClose={onClose}
    >
      <Text>
        The Intune device export (admin centre CSV or Graph managedDevices JSON) taken after a wave moved or after the switch. It is kept beside the baseline and
        never replaces it.
      </Text>
      <Field label="Label" required hint='How the report names this export, e.g. "After the pilot" or "Two weeks after the switch".'>
        <Input value={label} onChange={(_event, data) => setLabel(data.value)} />
      </Field>
      {actor.trim() === '' && (
        <MessageBar intent="warning">
          <MessageBarBody>Enter your name in "Recording as" first: the import is audited under it.</MessageBarBody>
        </MessageBar>
      )}
      {laterExportJob && <JobProgress progress={laterExportJob.progress} label="Later export progress" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
