/**
 * The VSIX is ready for the Visual Studio Marketplace and Open VSX, checked offline. `npm run
 * package` builds it with vsce (which refuses a manifest the Marketplace would refuse) and prints
 * its path and size. Publishing checks that need a registry cannot run here, so the manifest inside
 * the VSIX is held to what each side requires:
 * - the Marketplace and VS Code (code.visualstudio.com/api/references/extension-manifest):
 *   publisher, name, SemVer version, engines.vscode, the allowed categories, a PNG icon;
 * - ovsx, the Open VSX client (cli/src/check-license.ts): a license file or field, publisher, name;
 * - the Open VSX server (ExtensionValidator.java): name and namespace characters, version
 *   characters, field lengths, URLs with a host, gallery banner and markdown values, no control
 *   characters.
 * And the CHANGELOG, shown on both, follows Keep a Changelog 1.1.0.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

let dir: string;
let vsix: string;
let packageLine: string;

function unzip(...args: string[]): Buffer {
  const r = spawnSync('unzip', args, { maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}
const entry = (name: string) => unzip('-p', vsix, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ecs-init-order-vsix-test-'));
  vsix = join(dir, 'ecs-init-order.vsix');
  const run = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix, '--quiet'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  packageLine = run.stdout.trim().split('\n').at(-1)!;
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('npm run package prints the VSIX path and size', () => {
  const m = /^package: (.+) — version (\S+), (\d+\.\d) KB, in \d+\.\d s$/.exec(packageLine);
  assert.ok(m, packageLine);
  assert.equal(m[1], vsix);
  assert.equal(m[2], JSON.parse(readFileSync('package.json', 'utf8')).version);
  assert.equal(Number(m[3]), Number((statSync(vsix).size / 1024).toFixed(1)));
});

describe('the manifest inside the VSIX', () => {
  let manifest: Record<string, unknown> & {
    name: string;
    publisher: string;
    version: string;
    engines: Record<string, string>;
    categories: string[];
    keywords: string[];
    icon: string;
    galleryBanner?: { color?: string; theme?: string };
    repository: { url: string };
  };
  let files: string[];
  before(() => {
    manifest = JSON.parse(entry('extension/package.json').toString('utf8'));
    files = unzip('-Z1', vsix).toString('utf8').trim().split('\n');
  });

  test('the fields the Marketplace requires', () => {
    assert.match(manifest.publisher, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(manifest.name, /^[a-z0-9][a-z0-9-]*$/, 'lower case, no spaces');
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.match(manifest.engines.vscode ?? '', /^\^\d+\.\d+\.\d+$/);
    assert.ok(String(manifest.displayName).length > 0 && String(manifest.description).length > 0);
    const allowed = new Set([
      'AI',
      'Azure',
      'Chat',
      'Data Science',
      'Debuggers',
      'Education',
      'Extension Packs',
      'Formatters',
      'Keymaps',
      'Language Packs',
      'Linters',
      'Machine Learning',
      'Notebooks',
      'Other',
      'Programming Languages',
      'SCM Providers',
      'Snippets',
      'Testing',
      'Themes',
      'Visualization',
    ]);
    for (const c of manifest.categories) assert.ok(allowed.has(c), `category ${c}`);
    assert.ok(manifest.keywords.length <= 30, 'at most 30 keywords');
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
  });

  test('the icon is a PNG of at least 128 × 128 pixels, in the package', () => {
    assert.match(manifest.icon, /\.png$/);
    const png = entry(`extension/${manifest.icon}`);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'size');
  });

  test('README, CHANGELOG and LICENSE are in the package, and the license is named', () => {
    for (const name of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt'])
      assert.ok(files.includes(name), name);
    assert.equal(manifest.license, 'MIT');
    assert.match(entry('extension/LICENSE.txt').toString('utf8'), /^MIT License/);
  });

  test('the VSIX manifest names the same extension', () => {
    const xml = entry('extension.vsixmanifest').toString('utf8');
    const identity = /<Identity [^>]*>/.exec(xml)?.[0] ?? '';
    assert.match(identity, new RegExp(`Id="${manifest.name}"`));
    assert.match(identity, new RegExp(`Publisher="${manifest.publisher}"`));
    assert.match(identity, new RegExp(`Version="${manifest.version}"`));
  });

  test('what Open VSX checks on publishing', () => {
    const namePattern = /^[\w\-+$~]+$/;
    for (const id of [manifest.publisher, manifest.name]) {
      assert.match(id, namePattern);
      assert.ok(id.length <= 255);
    }
    assert.match(manifest.version, /^[\p{L}\p{N}$+\-,.:;_]+$/u);
    assert.ok(!['latest', 'pre-release', 'reviews'].includes(manifest.version));
    const texts: [string, unknown, number][] = [
      ['displayName', manifest.displayName, 255],
      ['description', manifest.description, 2048],
      ['license', manifest.license, 255],
      ...manifest.categories.map((c): [string, unknown, number] => ['categories', c, 255]),
      ...manifest.keywords.map((k): [string, unknown, number] => ['keywords', k, 255]),
      ['galleryBanner.color', manifest.galleryBanner?.color, 16],
    ];
    for (const [field, value, limit] of texts) {
      if (value === undefined) continue;
      assert.equal(typeof value, 'string', field);
      assert.ok((value as string).length <= limit, `${field} is longer than ${limit}`);
      assert.doesNotMatch(value as string, /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u, field);
    }
    const urls = {
      homepage: manifest.homepage as string | undefined,
      repository: manifest.repository.url,
      bugs: (manifest.bugs as { url?: string } | undefined)?.url,
    };
    for (const [field, url] of Object.entries(urls)) {
      if (url === undefined) continue;
      assert.ok(new URL(url.replace(/^git\+/, '')).host, `${field}: ${url}`);
      assert.ok(url.length <= 255, field);
    }
    if (manifest.galleryBanner?.theme)
      assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    if (manifest.markdown) assert.ok(['github', 'standard'].includes(String(manifest.markdown)));
    if (manifest.qna !== undefined)
      assert.ok(manifest.qna === 'marketplace' || manifest.qna === false);
  });
});

describe('CHANGELOG.md follows Keep a Changelog 1.1.0', () => {
  const changelog = readFileSync('CHANGELOG.md', 'utf8');
  const versions = [...changelog.matchAll(/^## (.*)$/gm)].map((m) => m[1]!);

  test('an Unreleased section first, then versions with ISO dates, newest first', () => {
    assert.equal(versions[0], '[Unreleased]');
    const released = versions.slice(1).map((v) => {
      const m = /^\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/.exec(v);
      assert.ok(m, `"## ${v}" is "## [x.y.z] - YYYY-MM-DD"`);
      return { version: m[1]!, date: m[2]! };
    });
    assert.ok(released.length > 0);
    const dates = released.map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const current = JSON.parse(readFileSync('package.json', 'utf8')).version;
    assert.ok(
      released.some((r) => r.version === current),
      `a section for ${current}`,
    );
  });

  test('changes are grouped under the six kinds of change', () => {
    for (const [, kind] of changelog.matchAll(/^### (.*)$/gm))
      assert.ok(
        ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(kind!),
        `### ${kind}`,
      );
  });

  test('every version links to its changes at the bottom', () => {
    for (const v of versions) {
      const label = /^\[([^\]]+)\]/.exec(v)![1]!;
      assert.match(
        changelog,
        new RegExp(`^\\[${label.replace(/\./g, '\\.')}\\]: https://\\S+$`, 'm'),
        label,
      );
    }
  });
});
