/**
 * The app's own origin. The renderer is served from `app://mdm-migration-assistant/`, never
 * from file:// or the network, so every trust decision (IPC sender, navigation) is one
 * comparison against this scheme and host, made on parsed URLs, never on string prefixes.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mdm-migration-assistant';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function isAppUrl(candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/** What the IPC layer knows about the frame that sent a message. */
export interface SenderFrameInfo {
  readonly url: string;
  /** True when the frame is its window's top-level frame. */
  readonly isTopFrame: boolean;
}

/** Only the app's own top-level page may call the API: not sub-frames, not about:blank, not other origins. */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined): boolean {
  return frame != null && frame.isTopFrame && isAppUrl(frame.url);
}
