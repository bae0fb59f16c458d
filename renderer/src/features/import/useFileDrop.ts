import { useEffect } from 'react';
import { useImportStore } from './importStore';

/**
 * Files dropped anywhere on the window go to the import review. The preload turns each File
 * into its local path; the main side then inspects the files itself.
 */
export function useFileDrop(enabled: boolean, onRefused: (message: string) => void): void {
  useEffect(() => {
    const dragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      if (!enabled) {
        onRefused('Open or create a snapshot first, then drop the export files onto the window.');
        return;
      }
      const paths = files.map((file) => window.api.pathForFile(file)).filter((path) => path !== '');
      if (paths.length > 0) void useImportStore.getState().inspectDropped(paths);
    };
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [enabled, onRefused]);
}
