import type { WaveFilterOptions } from '../../contract/wizard.js';
import { RULES } from '../rules/registry.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

const MAX_COLLECTIONS = 500;

/**
 * What the wave builder's user filters can choose from: collections that hold users (the
 * subscription collection and its peers), the platforms present, and the rules whose items are
 * users or devices (the only ones a user filter can follow).
 */
export function waveFilterOptions(snapshot: Snapshot): WaveFilterOptions {
  const db = snapshot.db;
  const collections = db
    .prepare(
      `SELECT c.collection_id AS id, c.name AS name, count(*) AS members
       FROM collections c JOIN collection_members m ON m.collection_id = c.collection_id AND m.resource_kind = 'user'
       GROUP BY c.collection_id ORDER BY c.name COLLATE NOCASE LIMIT ?`,
    )
    .all(MAX_COLLECTIONS) as WaveFilterOptions['collections'];
  const platforms = (db.prepare('SELECT DISTINCT platform FROM devices ORDER BY platform').all() as { platform: string }[]).map((row) => row.platform);
  const rules = RULES.filter((rule) => rule.family === 'user' || rule.family === 'device').map((rule) => ({ id: rule.id, title: rule.title }));
  return { collections, platforms, rules };
}
