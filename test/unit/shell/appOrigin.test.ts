import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, isTrustedSender } from '../../../electron/shell/appOrigin.js';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://mdm-migration-assistant/', 'app://mdm-migration-assistant/assets/index.js?x=1#y'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });
  it.each([
    'https://mdm-migration-assistant/',
    'http://example.invalid/?next=app://mdm-migration-assistant/',
    'app://evil/',
    'app://mdm-migration-assistant.evil.com/',
    'app://user:pass@mdm-migration-assistant/',
    'app://mdm-migration-assistant:8080/',
    'file:///etc/passwd',
    'about:blank',
    'javascript:alert(1)',
    'not a url',
    '',
    42,
    null,
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the app page in the top-level frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: true })).toBe(true);
  });
  it('refuses sub-frames, other origins, about:blank and missing frames', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
