import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { importFiles, type ImportOptions } from '../../../electron/core/importers/importService.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { csvText } from '../../support/importFixtures.js';

/** Helpers the importer tests share: files in a temp folder, a snapshot, and one-call imports. */
export function importHarness(dir: () => string) {
  return {
    file(name: string, content: string | Buffer): string {
      const path = join(dir(), name);
      writeFileSync(path, content);
      return path;
    },
    csv(name: string, rows: string[][], delimiter = ','): string {
      return this.file(name, csvText(rows, delimiter));
    },
    json(name: string, value: unknown): string {
      return this.file(name, JSON.stringify(value, null, 2));
    },
    open(name = 'test.mdmsnap'): Snapshot {
      return openSnapshot(join(dir(), name), { create: true });
    },
    async importInto(snapshot: Snapshot, paths: string[], options?: ImportOptions) {
      const outcome = await importFiles(snapshot, paths, options);
      if (!outcome.committed) throw new Error(outcome.files.map((file) => file.error?.message).join('; '));
      return outcome;
    },
  };
}

export function rows<T = Record<string, unknown>>(snapshot: Snapshot, sql: string, ...params: unknown[]): T[] {
  return snapshot.db.prepare(sql).all(...params) as T[];
}
