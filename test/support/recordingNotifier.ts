import type { Notifier, WizardNotification } from '../../electron/services/ports.js';

/** Stands in for desktop notifications: keeps what would have been shown. */
export class RecordingNotifier implements Notifier {
  readonly shown: WizardNotification[] = [];
  notify(notification: WizardNotification): void {
    this.shown.push(notification);
  }
}
