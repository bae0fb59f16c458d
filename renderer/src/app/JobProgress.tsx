import { Field, ProgressBar } from '@fluentui/react-components';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** How far an import has read its files (`job.progress` events); indeterminate until the first event. */
export function JobProgress({ progress, label }: { progress: { done: number; total: number; label: string } | null; label: string }) {
  return (
    <Field label={progress ? `Reading ${progress.label}` : 'Starting…'} hint={progress ? `${megabytes(progress.done)} of ${megabytes(progress.total)}` : undefined} validationState="none">
      <ProgressBar value={progress && progress.total ? progress.done / progress.total : undefined} thickness="large" aria-label={label} />
    </Field>
  );
}
