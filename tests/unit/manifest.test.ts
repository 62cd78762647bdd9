/**
 * Least privilege, checked on what ships: the built Chrome and Firefox manifests ask for nothing
 * beyond MANIFEST_ALLOWED (utils/meeting/meeting-hosts.ts), keep the default MV3 content security policy,
 * and the built scripts give the meeting page no message channel.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, MANIFEST_ALLOWED } from '../../utils/meeting/meeting-hosts';

type Browser = 'chrome' | 'firefox';
type Manifest = Record<string, any>;

const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT: Record<Browser, string> = {
  chrome: join(ROOT, '.output/chrome-mv3'),
  firefox: join(ROOT, '.output/firefox-mv3'),
};

/** Builds both targets from the current sources, so the test never reads a stale manifest. */
function build(browser: Browser) {
  const args = browser === 'chrome' ? ['build'] : ['build', '-b', 'firefox', '--mv3'];
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const manifest = join(OUTPUT[browser], 'manifest.json');
  if (run.status !== 0 || !existsSync(manifest)) {
    throw new Error(`\`wxt ${args.join(' ')}\` failed, so there is no ${browser} manifest to check:\n${run.stdout}\n${run.stderr}`);
  }
}

function readManifest(browser: Browser): Manifest {
  return JSON.parse(readFileSync(join(OUTPUT[browser], 'manifest.json'), 'utf8'));
}

/** Every way a manifest exceeds the allowed list, in words; empty when it does not. */
function manifestViolations(manifest: Manifest, browser: Browser): string[] {
  const found: string[] = [];
  const outside = (what: string, values: unknown, allowed: readonly string[]) => {
    for (const value of Array.isArray(values) ? values : values === undefined ? [] : [values]) {
      if (!allowed.includes(value as string)) found.push(`${what}: ${JSON.stringify(value)}`);
    }
  };
  outside('manifest key', Object.keys(manifest), MANIFEST_ALLOWED.keys);
  outside('permission', manifest.permissions, MANIFEST_ALLOWED.permissions[browser]);
  outside('host permission', manifest.host_permissions, MANIFEST_ALLOWED.hostPermissions[browser]);
  for (const script of manifest.content_scripts ?? []) {
    // all_frames, match_about_blank, world: MAIN and the like would widen where the script runs.
    outside('content-script key', Object.keys(script), ['matches', 'js', 'run_at']);
    outside('content-script match', script.matches, MANIFEST_ALLOWED.contentScriptMatches);
  }
  for (const entry of manifest.web_accessible_resources ?? []) {
    outside('web-accessible key', Object.keys(entry), ['resources', 'matches']);
    outside('web-accessible resource', entry.resources, MANIFEST_ALLOWED.webAccessibleResources);
    outside('web-accessible match', entry.matches, MANIFEST_ALLOWED.webAccessibleMatches);
  }
  return found;
}

beforeAll(() => {
  build('chrome');
  build('firefox');
}, 180_000);

describe.each(['chrome', 'firefox'] as const)('the built %s manifest', (browser) => {
  it('asks for nothing beyond the allowed list', () => {
    const manifest = readManifest(browser);
    expect(manifest.manifest_version).toBe(3);
    expect(manifestViolations(manifest, browser)).toEqual([]);
    // The allowed list is not empty by accident: the dock's own needs are all there.
    expect(manifest.content_scripts.flatMap((script: Manifest) => script.matches).sort()).toEqual(
      [...MANIFEST_ALLOWED.contentScriptMatches].sort(),
    );
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: MANIFEST_ALLOWED.webAccessibleMatches },
    ]);
  });

  it('keeps the default MV3 content security policy for its pages', () => {
    const manifest = readManifest(browser);
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('sandbox');
  });

  it('gives web pages and other extensions no way to message it', () => {
    expect(readManifest(browser)).not.toHaveProperty('externally_connectable');
  });

  it('listens for window messages in one place only: the panel, for its dock ticket', () => {
    // Dexie's BroadcastChannel in the background is same-origin (extension pages) only. The panel
    // takes one message, from the window that framed it, and only a ticket the background checks.
    const scripts = [
      ...readdirSync(join(OUTPUT[browser], 'content-scripts')).map((file) => join('content-scripts', file)),
      ...readdirSync(join(OUTPUT[browser], 'chunks')).map((file) => join('chunks', file)),
    ];
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    // The call page reads the database with Dexie, which listens on a BroadcastChannel: only pages
    // of our own origin can post there, and it is no window message. Only that exact form is let by.
    const dexieChannel = /(\w+)=new BroadcastChannel\([\w$]+\),\1\.onmessage=/g;
    const listening = scripts.filter((file) =>
      /addEventListener\(\s*["'`]message["'`]|\.onmessage\s*=|["'`]message["'`]\s*,/.test(
        readFileSync(join(OUTPUT[browser], file), 'utf8').replace(dexieChannel, ''),
      ),
    );
    expect(listening).toEqual([expect.stringMatching(/^chunks\/panel-[\w-]+\.js$/)]);
  });
});

describe('the Firefox build', () => {
  it('carries its add-on id and declares that it collects no data', () => {
    const { browser_specific_settings: settings } = readManifest('firefox');
    expect(settings.gecko.id).toBe(GECKO_ID);
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // data_collection_permissions exists on Android from 142; an older minimum draws a linter warning.
    expect(Number.parseInt(settings.gecko_android.strict_min_version, 10)).toBeGreaterThanOrEqual(142);
  });
});

describe('the allowed-list check itself', () => {
  it('names every widening of the manifest', () => {
    const widened = {
      ...readManifest('chrome'),
      permissions: ['scripting', 'tabs', 'storage'],
      host_permissions: [...MANIFEST_ALLOWED.hostPermissions.chrome, '<all_urls>'],
      content_scripts: [{ matches: ['https://*/*'], js: ['content-scripts/meet.js'], all_frames: true }],
      web_accessible_resources: [{ resources: ['panel.html', 'background.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
      externally_connectable: { matches: ['https://meet.google.com/*'] },
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" },
    };
    expect(manifestViolations(widened, 'chrome')).toEqual([
      'manifest key: "externally_connectable"',
      'manifest key: "content_security_policy"',
      'permission: "tabs"',
      'permission: "storage"',
      'host permission: "<all_urls>"',
      'content-script key: "all_frames"',
      'content-script match: "https://*/*"',
      'web-accessible key: "use_dynamic_url"',
      'web-accessible resource: "background.js"',
      'web-accessible match: "<all_urls>"',
    ]);
    expect(manifestViolations({ ...readManifest('firefox'), permissions: ['scripting'] }, 'firefox')).toEqual([
      'permission: "scripting"',
    ]);
  });
});
