/**
 * package.json keeps its promises: every contributed command is registered by the client, every
 * setting is scoped, described and documented, the contributed files exist and parse, activation
 * stays narrow, and the workspace-trust and virtual-workspace capabilities are declared.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Commands } from '../../shared/src/protocol';
import { DEFAULT_FILE_PATTERNS } from '../../shared/src/settings';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}
interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
interface Setting {
  type?: string | string[];
  scope?: string;
  markdownDescription?: string;
  description?: string;
  default?: unknown;
}

/** Read at run time, so the test always judges the manifest as it is now. */
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const contributes = manifest.contributes ?? {};
const commands: CommandContribution[] = contributes.commands ?? [];
const menus: Record<string, MenuItem[]> = contributes.menus ?? {};
const settings: Record<string, Setting> = contributes.configuration?.properties ?? {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const clientSource = sourceFiles('client/src')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** Where the client registers a command: by its literal id or through the shared `Commands` table. */
function isRegistered(id: string): boolean {
  const key = Object.entries(Commands).find(([, value]) => value === id)?.[0];
  const references = [`'${id}'`, `"${id}"`, ...(key ? [`Commands.${key}`] : [])];
  return references.some((ref) =>
    new RegExp(`registerCommand\\(\\s*${ref.replace(/[.'"]/g, '\\$&')}`).test(clientSource),
  );
}

describe('commands', () => {
  test('there is at least one command', () => assert.ok(commands.length > 0));

  for (const c of commands) {
    test(`${c.command}: category ECS, a title, and registered by the client`, () => {
      assert.match(c.command, /^ecsInitOrder\./);
      assert.equal(c.category, 'ECS');
      assert.ok(c.title && !c.title.startsWith('ECS'), 'the title does not repeat the category');
      assert.ok(isRegistered(c.command), `no registerCommand for ${c.command} in client/src`);
    });
  }

  test('every command of the shared protocol is contributed', () => {
    for (const id of Object.values(Commands))
      assert.ok(
        commands.some((c) => c.command === id),
        `${id} is not in contributes.commands`,
      );
  });

  test('menus name contributed commands only, and the editor-title button has an icon and a when clause', () => {
    for (const [menu, items] of Object.entries(menus)) {
      for (const item of items)
        assert.ok(
          commands.some((c) => c.command === item.command),
          `${menu}: unknown command ${item.command}`,
        );
    }
    const titleItems = menus['editor/title'] ?? [];
    assert.ok(titleItems.length > 0, 'an editor-title button');
    for (const item of titleItems) {
      assert.ok(
        commands.find((c) => c.command === item.command)?.icon,
        `${item.command} needs an icon`,
      );
      assert.match(item.when ?? '', /ecsInitOrder\.isTaskDefinition/);
      assert.match(item.when ?? '', /resourceLangId/);
    }
  });

  test('context keys used in when clauses are set by the client', () => {
    const keys = new Set<string>();
    for (const items of Object.values(menus))
      for (const item of items)
        for (const m of (item.when ?? '').matchAll(/ecsInitOrder\.[A-Za-z.]+/g)) keys.add(m[0]);
    for (const key of keys)
      assert.ok(clientSource.includes(`'${key}'`), `${key} is never set in client/src`);
  });
});

describe('settings', () => {
  const ids = Object.keys(settings);

  test('the expected settings exist under the one prefix', () => {
    for (const id of [
      'ecsInitOrder.enable',
      'ecsInitOrder.rules',
      'ecsInitOrder.filePatterns',
      'ecsInitOrder.codeLens.enable',
      'ecsInitOrder.trace.server',
    ]) {
      assert.ok(ids.includes(id), `${id} is missing`);
    }
    for (const id of ids) assert.match(id, /^ecsInitOrder\./);
  });

  for (const id of ids) {
    test(`${id}: markdownDescription, scope and a default`, () => {
      const s = settings[id]!;
      assert.ok(s.markdownDescription && s.markdownDescription.length > 20, 'markdownDescription');
      assert.ok(
        [
          'application',
          'machine',
          'machine-overridable',
          'window',
          'resource',
          'language-overridable',
        ].includes(s.scope ?? ''),
        `scope: ${s.scope}`,
      );
      assert.ok('default' in s, 'default');
    });
  }

  test('the trace setting is named after the language client id', () => {
    const id = /CLIENT_ID\s*=\s*'([^']+)'/.exec(clientSource)?.[1];
    assert.ok(id, 'CLIENT_ID in client/src');
    assert.ok(ids.includes(`${id}.trace.server`));
  });

  test('the filePatterns default is the client’s fallback', () => {
    assert.deepEqual(settings['ecsInitOrder.filePatterns']?.default, [...DEFAULT_FILE_PATTERNS]);
  });

  test('docs/settings.md lists every setting', () => {
    assert.ok(existsSync('docs/settings.md'), 'docs/settings.md is missing');
    const doc = readFileSync('docs/settings.md', 'utf8');
    for (const id of ids) assert.ok(doc.includes(`\`${id}\``), `${id} is not in docs/settings.md`);
  });
});

describe('contributed files', () => {
  test('snippets exist, parse, and are contributed for json, jsonc, (templates) yaml and terraform', () => {
    const snippets: Array<{ language: string; path: string }> = contributes.snippets ?? [];
    assert.deepEqual(
      snippets.map((s) => `${s.language} ${s.path}`),
      [
        'json ./snippets/ecs.json',
        'jsonc ./snippets/ecs.json',
        'yaml ./snippets/cloudformation.json',
        'terraform ./snippets/terraform.json',
      ],
    );
    for (const s of snippets) {
      assert.ok(existsSync(s.path), `${s.path} is missing`);
      const parsed = JSON.parse(readFileSync(s.path, 'utf8'));
      for (const [name, snippet] of Object.entries<{ body?: unknown; prefix?: unknown }>(parsed)) {
        assert.ok(Array.isArray(snippet.body) && snippet.prefix, `${s.path}: ${name}`);
      }
    }
  });

  test('the injection grammar exists, parses, and is injected into JSON and JSONC', () => {
    const grammars: Array<{
      scopeName: string;
      path: string;
      injectTo?: string[];
      language?: string;
    }> = contributes.grammars ?? [];
    const injection = grammars.find((g) => g.path.includes('ecs-init-order.injection'));
    assert.ok(injection, 'the injection grammar is contributed');
    assert.ok(existsSync(injection.path), `${injection.path} is missing`);
    const grammar = JSON.parse(readFileSync(injection.path, 'utf8'));
    assert.equal(grammar.scopeName, injection.scopeName);
    assert.equal(injection.language, undefined, 'an injection grammar has no language of its own');
    assert.deepEqual([...(injection.injectTo ?? [])].sort(), [
      'source.json',
      'source.json.comments',
    ]);
    assert.match(grammar.injectionSelector, /L:source\.json\b/);
    assert.match(grammar.injectionSelector, /source\.json\.comments/);
  });

  test('main is the client bundle built from client/src/extension.ts', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.ok(existsSync('client/src/extension.ts'));
    assert.match(readFileSync('scripts/build.mjs', 'utf8'), /client\/src\/extension\.ts/);
  });
});

describe('activation and capabilities', () => {
  test('activation is narrow: JSON, JSONC, Terraform, YAML (templates), and restoring the graph panel', () => {
    const events: string[] = manifest.activationEvents ?? [];
    const allowed = new Set([
      'onLanguage:json',
      'onLanguage:jsonc',
      'onLanguage:terraform',
      'onLanguage:yaml',
      'onLanguage:cloudformation',
      'onWebviewPanel:ecsInitOrder.startOrderGraph',
    ]);
    for (const e of events)
      assert.ok(allowed.has(e), `activation event ${e} is broader than needed`);
    assert.ok(events.includes('onLanguage:json') && events.includes('onLanguage:jsonc'));
  });

  test('.tf files have the terraform language id without any other extension', () => {
    // HashiCorp's extension contributes the same id: VS Code merges the two contributions.
    const languages: Array<{ id: string; extensions?: string[] }> = contributes.languages ?? [];
    assert.deepEqual(languages, [
      { id: 'terraform', aliases: ['Terraform', 'terraform'], extensions: ['.tf'] },
    ]);
  });

  test('a restored webview panel type is registered by the client', () => {
    for (const e of (manifest.activationEvents ?? []) as string[]) {
      if (e.startsWith('onWebviewPanel:'))
        assert.ok(
          clientSource.includes(`'${e.slice('onWebviewPanel:'.length)}'`),
          `${e}: no such view type in client/src`,
        );
    }
  });

  test('workspace trust and virtual workspaces are declared', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(
      trust && [true, false, 'limited'].includes(trust.supported),
      'capabilities.untrustedWorkspaces.supported',
    );
    if (trust.supported === 'limited')
      assert.ok(trust.description, 'limited support says what is limited');
    for (const key of trust.restrictedConfigurations ?? [])
      assert.ok(key in settings, `restricted ${key} is a setting of ours`);
    const virtual = manifest.capabilities?.virtualWorkspaces;
    assert.ok(
      virtual === true || virtual === false || typeof virtual?.supported !== 'undefined',
      'capabilities.virtualWorkspaces',
    );
  });

  test('the extension depends on no other extension (code-server installs it offline)', () => {
    assert.equal(manifest.extensionDependencies, undefined);
  });
});
