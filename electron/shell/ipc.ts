import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { AppEvent } from '../contract/events.js';
import { API_METHODS, EVENT_CHANNEL, channelFor } from '../contract/methods.js';
import { fail } from '../contract/result.js';
import type { Dispatch } from '../services/dispatch.js';
import { isTrustedSender } from './appOrigin.js';

function frameInfo(frame: WebFrameMain | null) {
  return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
}

/**
 * Registers one ipcMain handler per contract method, all through the same gate: the sender
 * must be the app's own top-level frame, then the shared dispatch validates the request.
 * No handler is registered any other way, so none can skip a check.
 */
export function registerApiHandlers(dispatch: Dispatch): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), async (event, request: unknown) => {
      if (!isTrustedSender(frameInfo(event.senderFrame))) return fail('forbidden', 'Calls are accepted from the app window only.');
      return dispatch(method, request);
    });
  }
}

export function sendAppEvent(target: WebContents | undefined, event: AppEvent): void {
  if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, event);
}
