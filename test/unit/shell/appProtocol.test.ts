import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppAsset } from '../../../electron/shell/appProtocol.js';
import { useTempDir } from '../../support/tempDir.js';

describe('resolveAppAsset', () => {
  const tempDir = useTempDir();
  function rendererDir() {
    const dir = join(tempDir(), 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir, 'assets', 'index.js'), '');
    writeFileSync(join(tempDir(), 'secret.txt'), 'secret');
    return dir;
  }

  it('serves files inside the renderer build with their MIME type', () => {
    const dir = rendererDir();
    expect(resolveAppAsset(dir, 'app://mdm-migration-assistant/assets/index.js')).toEqual({
      kind: 'file',
      path: join(dir, 'assets', 'index.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('falls back to index.html for unknown paths inside the app', () => {
    const dir = rendererDir();
    expect(resolveAppAsset(dir, 'app://mdm-migration-assistant/findings/DEV_USERLESS')).toMatchObject({ kind: 'file', path: join(dir, 'index.html') });
  });

  it.each([
    'app://mdm-migration-assistant/../secret.txt',
    'app://mdm-migration-assistant/%2e%2e/secret.txt',
    'app://mdm-migration-assistant/%2e%2e%2fsecret.txt',
    'app://mdm-migration-assistant/..%5csecret.txt',
    'app://mdm-migration-assistant/assets/%00.js',
    'app://mdm-migration-assistant/%E0%A4%A',
    'app://other-host/index.html',
    'https://mdm-migration-assistant/index.html',
  ])('refuses %s', (url) => {
    const result = resolveAppAsset(rendererDir(), url);
    if (result.kind === 'file') expect(result.path.startsWith(join(tempDir(), 'dist'))).toBe(true);
    else expect(result.kind).toBe('refused');
    if (result.kind === 'file') expect(result.path).not.toContain('secret');
  });

  it('refuses anything but GET', () => {
    expect(resolveAppAsset(rendererDir(), 'app://mdm-migration-assistant/index.html', 'POST')).toEqual({ kind: 'refused' });
  });

  it('sends a CSP without inline or remote scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});
