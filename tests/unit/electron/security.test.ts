import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  PRODUCTION_CSP,
  denyPermissionCheck,
  denyPermissionRequest,
  devCsp,
  externalUrl,
  isTrustedSender,
  navigationGuard,
  secureWebPreferences,
  windowOpenHandler,
} from '../../../src/main/electron/security';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('webPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app itself in production', () => {
    const policy = directives(PRODUCTION_CSP);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(PRODUCTION_CSP).not.toContain('unsafe-eval');
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(PRODUCTION_CSP).not.toMatch(/https?:|wss?:|\*/);
  });

  it('widens the policy for the dev server only, and never to eval', () => {
    const policy = directives(devCsp('http://localhost:5173/'));
    expect(policy.get('script-src')).toContain('http://localhost:5173');
    expect(policy.get('connect-src')).toEqual(expect.arrayContaining(['http://localhost:5173', 'ws://localhost:5173']));
    expect(devCsp('http://localhost:5173')).not.toContain('unsafe-eval');
    expect(devCsp('http://localhost:5173')).not.toMatch(/https?:\/\/(?!localhost:5173)/);
  });
});

describe('navigation', () => {
  it('prevents every navigation, and sends web links to the browser', () => {
    const open = vi.fn();
    const guard = navigationGuard(open);
    for (const url of ['https://example.org/report', 'gloss-app://app/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = { preventDefault: vi.fn(), url };
      guard(event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    expect(open.mock.calls).toEqual([['https://example.org/report']]);
  });
});

describe('window.open', () => {
  const allowed = ['https://example.org/a?b=c#d', 'http://example.org/', 'mailto:editor@example.org'];
  const refused = [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'gloss-app://app/index.html',
    'not a url',
    '',
    'http://user:pass@example.org/',
    'https://user@example.org/',
    'ftp://example.org/',
    'chrome://settings',
    `https://example.org/${'a'.repeat(10_000)}`,
  ];

  it('always denies a new window', () => {
    const handler = windowOpenHandler(() => undefined);
    for (const url of [...allowed, ...refused]) expect(handler({ url })).toEqual({ action: 'deny' });
  });

  it('hands only web and mail links to the opener', () => {
    const open = vi.fn();
    const handler = windowOpenHandler(open);
    for (const url of [...allowed, ...refused]) handler({ url });
    expect(open.mock.calls.map(([url]) => url)).toEqual(allowed.map((url) => new URL(url).href));
    for (const url of refused) expect(externalUrl(url)).toBeNull();
  });
});

describe('permissions', () => {
  it('refuses every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with no', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the app origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('gloss-app://app/')).toBe(true);
    expect(isTrustedSender('gloss-app://app/index.html#/documents/1')).toBe(true);
  });

  it.each([
    'file:///work/main/out/renderer/index.html',
    'https://evil.example/',
    'http://localhost:5173/',
    'gloss-app://app.evil.example/index.html',
    'gloss-app://evil/index.html',
    'gloss-app://app:8080/index.html',
    'gloss-app://app@evil/index.html',
    'gloss-apps://app/index.html',
    'gloss-app:app/index.html',
    'about:blank',
    'not a url',
    '',
  ])('rejects a forged sender %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('accepts the dev server origin only when one is set', () => {
    expect(isTrustedSender('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost.evil.example:5173/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', 'not a url')).toBe(false);
  });
});
