import { basename } from 'node:path';
import { UserFacingError } from '../core/errors.js';
import { IMPORT_KINDS } from '../core/importers/kinds/importKinds.js';
import { importFiles, inspectImportFiles } from '../core/importers/importService.js';
import { exportRejectionsCsv } from '../core/reports/rejectionsCsv.js';
import { TEMPLATES, writeBlankTemplate } from '../core/importers/kinds/templates.js';
import { pageRejections } from '../core/queries/importRejections.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import type { ApiHandlers } from './apiHandlers.js';
import { jobProgress } from './jobProgress.js';
import type { EventSink, FileDialogs } from './ports.js';

type ImportMethod = Extract<keyof ApiHandlers, `import.${string}`>;

/** The contract's types are inferred from zod schemas, whose arrays are mutable; the importer's are read-only. */
function withMutableLists<File extends { decidedBy: readonly string[]; notes: readonly string[] }>(file: File) {
  return { ...file, decidedBy: [...file.decidedBy], notes: [...file.notes] };
}

/**
 * The import flow behind `window.api`: review (detected kind and row count per file), one
 * import at a time with progress events and cancel, then the rejected rows page by page.
 */
export function importHandlers(requireSnapshot: () => Snapshot, dialogs: FileDialogs, emit: EventSink): Pick<ApiHandlers, ImportMethod> {
  const running = new Map<string, AbortController>();
  const templateNameOf = new Map(Object.entries(TEMPLATES).map(([name, kind]) => [kind.id, name]));

  return {
    'import.kinds': () => IMPORT_KINDS.map((kind) => ({ id: kind.id, label: kind.label, templateName: templateNameOf.get(kind.id) ?? null })),
    'import.chooseFiles': async () => {
      const paths = await dialogs.chooseImportFiles();
      return paths.length === 0 ? null : (await inspectImportFiles(paths)).map(withMutableLists);
    },
    'import.inspect': async (request) => (await inspectImportFiles(request.paths)).map(withMutableLists),
    'import.run': async (request) => {
      const snapshot = requireSnapshot();
      if (running.size > 0) throw new UserFacingError('invalid_input', 'An import is already running; wait for it or cancel it first.');
      const controller = new AbortController();
      running.set(request.jobId, controller);
      try {
        const outcome = await importFiles(snapshot, request.paths, {
          as: request.as,
          dateOrders: request.dateOrders,
          replace: request.replace,
          signal: controller.signal,
          onProgress: jobProgress(emit, request.jobId),
        });
        if (outcome.committed) emit({ type: 'snapshot.changed' });
        return { ...outcome, files: outcome.files.map(withMutableLists), wouldRemove: [...outcome.wouldRemove] };
      } finally {
        running.delete(request.jobId);
      }
    },
    'import.cancel': (request) => {
      running.get(request.jobId)?.abort();
      return running.has(request.jobId);
    },
    'import.rejections': (request) => pageRejections(requireSnapshot(), request.batchId, request.offset, request.limit),
    'import.exportRejections': async (request) => {
      const snapshot = requireSnapshot();
      const path = await dialogs.chooseCsvExportPath(`${basename(snapshot.path, '.mdmsnap')}-rejected-rows.csv`);
      if (path === null) return null;
      return { path, rows: await exportRejectionsCsv(snapshot, path, request.batchId) };
    },
    'import.saveTemplate': async (request) => {
      if (!(request.name in TEMPLATES)) throw new UserFacingError('invalid_input', `There is no template called "${request.name}".`);
      const path = await dialogs.chooseCsvExportPath(`${request.name}-template.csv`);
      if (path === null) return null;
      writeBlankTemplate(request.name, path);
      return { path, rows: 0 };
    },
  };
}
