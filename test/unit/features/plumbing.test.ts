/** The server's small parts around the features: settings, the analysis cache and runSafe. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../../server/src/documents';
import { analyze, type Analysis, type AnalysisOptions } from '../../../server/src/engine/index';
import { guard, runSafe } from '../../../server/src/runSafe';
import {
  analysisOptions,
  DEFAULT_SETTINGS,
  normalizeSettings,
  SettingsStore,
  uriPath,
} from '../../../server/src/settings';

describe('settings', () => {
  test('defaults, wrong types ignored, dotted and nested keys', () => {
    assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    const s = normalizeSettings({
      enable: 'yes',
      rules: { a: 'off', b: 'loud', c: 'hint' },
      filePatterns: ['**/*.ecs.json', 3],
      codeLens: { enable: false },
    });
    assert.deepEqual(s, {
      enable: true,
      rules: { a: 'off', c: 'hint' },
      filePatterns: ['**/*.ecs.json'],
      codeLensEnable: false,
    });
    assert.equal(normalizeSettings({ 'codeLens.enable': false }).codeLensEnable, false);
    assert.equal(normalizeSettings({ enable: false }).enable, false);
  });

  test('a root array is read as containers only in files named like task definitions', () => {
    assert.equal(
      analysisOptions('file:///infra/web-containers.json', DEFAULT_SETTINGS).allowContainerArray,
      true,
    );
    assert.equal(
      analysisOptions('file:///infra/package.json', DEFAULT_SETTINGS).allowContainerArray,
      false,
    );
    assert.equal(
      analysisOptions(
        'file:///infra/app.ecs.json',
        normalizeSettings({ filePatterns: ['**/*.ecs.json'] }),
      ).allowContainerArray,
      true,
    );
    assert.equal(uriPath('file:///a/my%20task-def.json'), '/a/my task-def.json');
  });

  test('the store pulls per document, falls back on failure, and forgets on change', async () => {
    const pulls: string[] = [];
    let value: unknown = { rules: { x: 'off' } };
    const store = new SettingsStore(async (uri) => {
      pulls.push(uri);
      if (uri.includes('fail')) throw new Error('no configuration');
      return value;
    });
    assert.deepEqual((await store.forDocument('file:///a.json')).rules, { x: 'off' });
    await store.forDocument('file:///a.json');
    assert.deepEqual(pulls, ['file:///a.json']);
    assert.deepEqual(await store.forDocument('file:///fail.json'), DEFAULT_SETTINGS);
    value = { enable: false };
    store.changed(null);
    assert.equal((await store.forDocument('file:///a.json')).enable, false);
    const pushed = new SettingsStore();
    pushed.changed({ ecsInitOrder: { codeLens: { enable: false } } });
    assert.equal((await pushed.forDocument('file:///b.json')).codeLensEnable, false);
  });
});

describe('analysis cache', () => {
  test('one analysis per version and options; evicted on close', () => {
    let runs = 0;
    const cache = new AnalysisCache((text: string, options: AnalysisOptions): Analysis => {
      runs++;
      return analyze(text, options);
    });
    const doc = TextDocument.create('file:///t.json', 'json', 1, '{"containerDefinitions": []}');
    cache.get(doc, {});
    cache.get(doc, {});
    assert.equal(runs, 1);
    cache.get(doc, { severities: { a: 'off' } });
    assert.equal(runs, 2);
    TextDocument.update(doc, [{ text: '{}' }], 2);
    assert.equal(cache.get(doc, { severities: { a: 'off' } }).isTaskDefinition, false);
    assert.equal(runs, 3);
    cache.evict(doc.uri);
    assert.equal(cache.size, 0);
  });
});

describe('runSafe', () => {
  const logged: string[] = [];
  const logger = { error: (m: string) => logged.push(m) };

  test('returns the result, or the fallback and a logged stack when the work throws', async () => {
    assert.equal(await runSafe(logger, () => 42, 0, 'answer'), 42);
    assert.equal(
      await runSafe(
        logger,
        () => {
          throw new Error('boom');
        },
        'fallback',
        'Hover failed',
      ),
      'fallback',
    );
    assert.match(logged[0]!, /^Hover failed: boom\nError: boom\n\s+at /);
    guard(
      logger,
      () => {
        throw new TypeError('bad');
      },
      'Checking failed',
    );
    assert.match(logged[1]!, /^Checking failed: bad/);
  });

  test('a cancelled request answers RequestCancelled and does not run', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const result = await runSafe(logger, () => (ran = true), false, 'x', source.token);
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, -32800);
    assert.equal(ran, false);
  });
});
