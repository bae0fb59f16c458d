import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaybookSummary, RecentSnapshot, SnapshotSummary } from '../contract/api.js';
import { APP_VERSION } from '../core/appVersion.js';
import { generateDemoTenant } from '../core/demo/generateDemoTenant.js';
import { UserFacingError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { DEFAULT_PLAYBOOK_ID, getPlaybook, PLAYBOOKS } from '../core/playbooks/index.js';
import { snapshotOverview, snapshotSummary } from '../core/queries/snapshotOverview.js';
import { LATEST_SCHEMA_VERSION } from '../core/snapshot/migrations/index.js';
import { openSnapshot, type Snapshot } from '../core/snapshot/openSnapshot.js';
import { choosePlaybook } from '../core/wizard/index.js';
import type { ApiHandlers } from './apiHandlers.js';
import { browseHandlers } from './browseHandlers.js';
import { findingsHandlers } from './findingsHandlers.js';
import { importHandlers } from './importHandlers.js';
import type { EventSink, FileDialogs, Notifier } from './ports.js';
import { RecentSnapshots } from './recentSnapshots.js';
import { reportsHandlers } from './reportsHandlers.js';
import { wizardServices, type WizardServices } from './wizardHandlers.js';

export interface AppServicesOptions {
  /** Where the app keeps its own files: the demo snapshot and the recent list. */
  readonly dataDir: string;
  readonly dialogs: FileDialogs;
  readonly emit: EventSink;
  readonly logger: Logger;
  /** Desktop notifications at the switch and each deadline (Electron's Notification in the shell). */
  readonly notifier: Notifier;
  readonly nativeBinding?: string;
  /** Size of the demo tenant the welcome screen opens. */
  readonly demoDevices?: number;
}

export const DEMO_SNAPSHOT_FILE = 'demo-tenant.mdmsnap';
const DEFAULT_DEMO_DEVICES = 5_000;
const DEMO_SEED = 20_190_901;

/**
 * The main-side services behind `window.api`: one open snapshot at a time, plus the app's
 * own files. Electron-free, so the Playwright bridge and unit tests drive the real thing.
 */
export class AppServices {
  private snapshot: Snapshot | null = null;
  private readonly recent: RecentSnapshots;
  private readonly wizard: WizardServices;

  readonly handlers: ApiHandlers;

  constructor(private readonly options: AppServicesOptions) {
    this.recent = new RecentSnapshots(options.dataDir, options.logger);
    this.wizard = wizardServices(() => this.snapshot, () => this.requireSnapshot(), options.dialogs, options.notifier);
    this.handlers = this.createHandlers();
  }

  /** Notifications of deadline thresholds crossed since the last call; the shell calls it each minute. */
  deliverDueNotifications(now: Date): void {
    this.wizard.deliverDueNotifications(now);
  }

  get currentSnapshot(): Snapshot | null {
    return this.snapshot;
  }

  private createHandlers(): ApiHandlers {
    return {
      'app.info': () => ({ appVersion: APP_VERSION, schemaVersion: LATEST_SCHEMA_VERSION }),
      'snapshot.recent': () => this.recentSnapshots(),
      'snapshot.current': () => (this.snapshot ? snapshotSummary(this.snapshot) : null),
      'snapshot.openDemo': () => this.openDemo(),
      'snapshot.openWithDialog': async () => {
        const path = await this.options.dialogs.chooseSnapshotToOpen();
        return path === null ? null : this.open(path, { mustExist: true });
      },
      'snapshot.createWithDialog': async (request) => {
        // An unknown playbook is refused before the person is asked where to save.
        getPlaybook(request.playbookId ?? DEFAULT_PLAYBOOK_ID);
        const path = await this.options.dialogs.chooseNewSnapshotPath(`${request.customer}.mdmsnap`);
        return path === null ? null : this.create(path, request);
      },
      'playbooks.list': (): PlaybookSummary[] =>
        PLAYBOOKS.map((playbook) => ({ id: playbook.id, title: playbook.title, summary: playbook.summary, version: playbook.version, phases: playbook.phases.length })),
      'snapshot.openRecent': (request) => {
        if (!this.recent.includes(request.path)) {
          throw new UserFacingError('invalid_input', 'That file is not in the recent snapshots list. Use File > Open… instead.');
        }
        return this.open(request.path, { mustExist: true });
      },
      'snapshot.close': () => {
        this.closeSnapshot();
        this.options.emit({ type: 'snapshot.changed' });
        return null;
      },
      'snapshot.overview': () => snapshotOverview(this.requireSnapshot()),
      ...browseHandlers(() => this.requireSnapshot(), this.options.dialogs),
      ...findingsHandlers(() => this.requireSnapshot(), this.options.dialogs),
      ...importHandlers(() => this.requireSnapshot(), this.options.dialogs, this.options.emit),
      ...reportsHandlers(() => this.requireSnapshot(), this.options.dialogs, this.options.emit, this.options.nativeBinding),
      ...this.wizard.handlers,
    };
  }

  /** Opens an existing snapshot; used by the menu's File > Open… and Open Recent too. */
  open(path: string, options: { mustExist: boolean }): SnapshotSummary {
    const next = openSnapshot(path, { mustExist: options.mustExist, nativeBinding: this.options.nativeBinding });
    return this.makeCurrent(next);
  }

  /** A new engagement: its customer and consultant, and the migration it is for (the default playbook when not given). */
  create(path: string, engagement: { customer: string; consultant: string; playbookId?: string }): SnapshotSummary {
    if (existsSync(path)) {
      throw new UserFacingError('file_exists', `${path} already exists. Choose another name, or open it with File > Open….`);
    }
    const next = openSnapshot(path, { create: true, nativeBinding: this.options.nativeBinding });
    next.db.prepare('UPDATE engagement SET customer = ?, consultant = ? WHERE id = 1').run(engagement.customer, engagement.consultant);
    next.audit(engagement.consultant || 'consultant', 'snapshot.create', null, { customer: engagement.customer });
    choosePlaybook(next, { playbookId: engagement.playbookId ?? DEFAULT_PLAYBOOK_ID, by: engagement.consultant || 'consultant' });
    return this.makeCurrent(next);
  }

  recentSnapshots(): RecentSnapshot[] {
    return this.recent.list();
  }

  closeSnapshot(): void {
    this.snapshot?.close();
    this.snapshot = null;
  }

  private openDemo(): SnapshotSummary {
    const path = join(this.options.dataDir, DEMO_SNAPSHOT_FILE);
    if (existsSync(path)) return this.open(path, { mustExist: true });
    mkdirSync(this.options.dataDir, { recursive: true });
    const demo = openSnapshot(path, { create: true, nativeBinding: this.options.nativeBinding });
    try {
      generateDemoTenant(demo, { devices: this.options.demoDevices ?? DEFAULT_DEMO_DEVICES, seed: DEMO_SEED });
    } catch (error) {
      demo.close();
      rmSync(path, { force: true });
      throw error;
    }
    return this.makeCurrent(demo);
  }

  private makeCurrent(next: Snapshot): SnapshotSummary {
    this.closeSnapshot();
    this.snapshot = next;
    const summary = snapshotSummary(next);
    this.recent.remember(next.path, summary.customer);
    this.options.logger.info('snapshot opened', { schemaVersion: summary.schemaVersion });
    this.options.emit({ type: 'snapshot.changed' });
    return summary;
  }

  private requireSnapshot(): Snapshot {
    if (!this.snapshot) throw new UserFacingError('no_snapshot_open', 'No snapshot is open. Open one, or start with the demo tenant.');
    return this.snapshot;
  }
}
