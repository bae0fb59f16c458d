import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

/**
 * The schema a new snapshot gets, compared with the committed one. A migration that changes
 * the schema shows up here as a reviewed diff; an edit to a released migration (which would
 * make old and new files differ silently) shows up too.
 */
describe('snapshot schema', () => {
  const tempDir = useTempDir();

  it('matches the committed schema snapshot', async () => {
    const snapshot = openSnapshot(join(tempDir(), 'schema.mdmsnap'), { create: true });
    const rows = snapshot.db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[];
    const schema = `-- user_version ${snapshot.schemaVersion}\n${rows.map((row) => `${row.sql.replace(/\s+/g, ' ').trim()};`).join('\n')}\n`;
    snapshot.close();
    await expect(schema).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });
});
