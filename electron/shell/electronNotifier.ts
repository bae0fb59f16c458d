import { Notification } from 'electron';
import type { Notifier } from '../services/ports.js';

/** Desktop notifications through Electron's Notification; silently nothing where the OS has none. */
export function electronNotifier(): Notifier {
  return {
    notify(notification) {
      if (Notification.isSupported()) new Notification({ title: notification.title, body: notification.body }).show();
    },
  };
}
