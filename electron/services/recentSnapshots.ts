import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentSnapshot } from '../contract/api.js';
import type { Logger } from '../core/logger.js';

const MAX_RECENT = 10;
const StoredRecent = z.array(z.object({ path: z.string(), customer: z.string(), openedAt: z.string() }));

/**
 * The "Open Recent" list, kept as JSON in the app's data folder. It is also the allowlist
 * of paths the renderer may ask to open: any other path is refused.
 */
export class RecentSnapshots {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.file = join(dataDir, 'recent-snapshots.json');
  }

  list(): RecentSnapshot[] {
    return this.read().map((entry) => ({ ...entry, fileName: basename(entry.path), exists: existsSync(entry.path) }));
  }

  includes(path: string): boolean {
    return this.read().some((entry) => entry.path === path);
  }

  remember(path: string, customer: string, now = new Date()): void {
    const entries = [{ path, customer, openedAt: now.toISOString() }, ...this.read().filter((entry) => entry.path !== path)];
    mkdirSync(dirname(this.file), { recursive: true });
    // Write-then-rename so a crash never leaves half a JSON file behind.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(entries.slice(0, MAX_RECENT), null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }

  private read(): z.output<typeof StoredRecent> {
    if (!existsSync(this.file)) return [];
    try {
      return StoredRecent.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (error) {
      this.logger.warn('recent-snapshots.json is unreadable; starting a new list', (error as Error).message);
      return [];
    }
  }
}
