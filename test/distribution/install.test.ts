/**
 * The README's Install section names every way in, with the identifiers and versions the release
 * really has, so that a version bump or a rename cannot leave a copy-paste line behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const install = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';

test('the README has an Install section with each way in', () => {
  assert.ok(install, 'a "## Install" section');
  for (const channel of [
    'VS Code',
    'Open VSX',
    'npm install --global ecs-init-order',
    'GitHub Actions',
    'pre-commit',
    'Neovim',
  ])
    assert.ok(install.includes(channel), channel);
});

test('its documents exist', () => {
  const links = [...install.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]!);
  assert.ok(links.length >= 4, links.join(', '));
  for (const link of links) assert.ok(existsSync(link), link);
});

test('identifiers and versions are the release’s', () => {
  const version = manifest.version;
  assert.ok(install.includes(`code --install-extension ${manifest.publisher}.${manifest.name}`));
  const tag = `v${version}`;
  assert.ok(install.includes(`ecs-init-order/ecs-init-order@${tag}`), 'the action at this version');
  assert.match(readFileSync('docs/github-action.md', 'utf8'), new RegExp(`@${tag}\\b`));
  assert.match(readFileSync('docs/pre-commit.md', 'utf8'), new RegExp(`rev: ${tag}\\b`));
  const hooks = readFileSync('.pre-commit-hooks.yaml', 'utf8');
  assert.match(hooks, /^- id: ecs-init-order$/m, 'the hook id the README gives');
});
