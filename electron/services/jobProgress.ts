import type { ImportProgress } from '../core/importers/importService.js';
import type { EventSink } from './ports.js';

/** Progress events at most this often: enough for a smooth bar, cheap over IPC. */
const PROGRESS_INTERVAL_MS = 100;

/** An import's progress callback that sends `job.progress` events for `jobId`, throttled (the last one always goes). */
export function jobProgress(emit: EventSink, jobId: string): (progress: ImportProgress) => void {
  let lastEmit = 0;
  return (progress) => {
    const now = Date.now();
    if (now - lastEmit < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
    lastEmit = now;
    emit({ type: 'job.progress', jobId, ...progress });
  };
}
