/** Document symbols, code lenses and diagnostics: what the outline, the lenses and the Problems view show. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { analyze, SourceText } from '../../../server/src/engine/index';
import { codeLenses } from '../../../server/src/features/codeLens';
import { diagnostics, toDiagnostic } from '../../../server/src/features/diagnostics';
import { documentSymbols, flattenSymbols } from '../../../server/src/features/documentSymbols';
import { fixture, SEED, URI } from './cursor';

const SHOP = fixture('shop-web-task-definition.json');
const BROKEN = fixture('broken-start-order-task-def.jsonc');

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} [${s.kind}]`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

describe('document symbols', () => {
  test('the task, its containers with their image, what each waits for, and the volumes', () => {
    assert.deepEqual(outline(documentSymbols(analyze(SHOP))), [
      'shop-web (4 containers) [2]',
      '  fetch-config (public.ecr.aws/aws-cli/aws-cli:2.17.0) [5]',
      '  log-router (public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4) [5]',
      '  redis (public.ecr.aws/docker/library/redis:7.2) [5]',
      '  web (123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web:4.2.1) [5]',
      '    waits for fetch-config (SUCCESS) [24]',
      '    waits for redis (HEALTHY) [24]',
      '  config (volume) [23]',
    ]);
  });

  test('ranges: a container spans its object, its selection is its name', () => {
    const [task] = documentSymbols(analyze(SEED));
    const init = task!.children![0]!;
    const s = new SourceText(SEED);
    assert.equal(
      SEED.slice(s.offsetAt(init.selectionRange.start), s.offsetAt(init.selectionRange.end)),
      '"init-setup"',
    );
    assert.ok(
      SEED.slice(s.offsetAt(init.range.start), s.offsetAt(init.range.end)).startsWith(
        '{\n      "name": "init-setup"',
      ),
    );
  });

  test('a bare container array lists its containers; flat symbols name their parent', () => {
    assert.deepEqual(outline(documentSymbols(analyze(fixture('containers.json')))), [
      'migrate (flyway/flyway:10) [5]',
      'api (registry.example.com/api:3.1.0) [5]',
    ]);
    const flat = flattenSymbols(documentSymbols(analyze(SEED)), URI);
    assert.deepEqual(
      flat.map((s) => `${s.name} < ${s.containerName ?? ''}`),
      ['my-app-with-init < ', 'init-setup < my-app-with-init', 'app-container < my-app-with-init'],
    );
    assert.deepEqual(documentSymbols(analyze('{"a": 1}')), []);
  });
});

describe('code lenses', () => {
  test('phase, waits and who waits, with the graph command', () => {
    const lenses = codeLenses(analyze(SHOP), URI);
    assert.deepEqual(
      lenses.map((l) => l.command!.title),
      [
        'phase 1 · starts first · 1 waits for it',
        'phase 1 · starts first · 1 waits for it',
        'phase 1 · starts first · 1 waits for it',
        'phase 2 · waits for fetch-config (SUCCESS), redis (HEALTHY), log-router (START, FireLens)',
      ],
    );
    assert.deepEqual(lenses[3]!.command, {
      title: lenses[3]!.command!.title,
      command: 'ecsInitOrder.showStartOrderGraph',
      arguments: [URI, 'web'],
    });
    assert.deepEqual(lenses[3]!.range.start, { line: 39, character: 14 });
  });

  test('cycles', () => {
    assert.deepEqual(
      codeLenses(analyze(BROKEN), URI).map((l) => l.command!.title),
      [
        'phase 1 · starts first · 1 waits for it',
        'in a dependency cycle · 1 waits for it',
        'in a dependency cycle · 1 waits for it',
        'phase 1 · starts first',
      ],
    );
  });
});

describe('diagnostics', () => {
  test('code, source, severity, link to the rule, related information', () => {
    const diags = diagnostics(analyze(BROKEN, { uri: URI }), URI);
    const healthy = diags.find((d) => d.code === 'healthy-without-healthcheck')!;
    assert.equal(healthy.source, 'ecs-init-order');
    assert.equal(healthy.severity, 1);
    assert.equal(
      healthy.codeDescription?.href,
      'https://github.com/ecs-init-order/ecs-init-order/blob/main/docs/rules/healthy-without-healthcheck.md',
    );
    assert.deepEqual(healthy.relatedInformation, [
      {
        location: {
          uri: URI,
          range: { start: { line: 17, character: 14 }, end: { line: 17, character: 19 } },
        },
        message: 'api has no healthCheck',
      },
    ]);
    assert.deepEqual(
      diags.map((d) => d.code),
      [
        'dependency-invalid-condition',
        'dependency-cycle',
        'dependency-cycle',
        'healthy-without-healthcheck',
        'dependency-unknown-container',
      ],
    );
  });

  test('severity overrides and "off", tags, and the analysis-skipped notice', () => {
    const diags = diagnostics(
      analyze(BROKEN, {
        uri: URI,
        severities: { 'dependency-cycle': 'hint', 'dependency-unknown-container': 'off' },
      }),
      URI,
    );
    assert.deepEqual(
      diags.map((d) => `${d.code}:${d.severity}`),
      [
        'dependency-invalid-condition:1',
        'dependency-cycle:4',
        'dependency-cycle:4',
        'healthy-without-healthcheck:1',
      ],
    );
    const deep = `{"containerDefinitions": [${'['.repeat(300)}${']'.repeat(300)}]}`;
    const skipped = diagnostics(analyze(deep), URI);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.code, 'analysis-skipped');
    assert.equal(skipped[0]!.severity, 3);
    assert.equal(skipped[0]!.codeDescription, undefined);
  });

  test('tags map to LSP diagnostic tags', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
    const d = toDiagnostic(
      {
        code: 'dependency-duplicate',
        severity: 'hint',
        message: 'm',
        range,
        related: [],
        fixes: [],
        tags: ['unnecessary', 'deprecated'],
      },
      URI,
    );
    assert.deepEqual(d, {
      range,
      severity: 4,
      code: 'dependency-duplicate',
      source: 'ecs-init-order',
      message: 'm',
      codeDescription: {
        href: 'https://github.com/ecs-init-order/ecs-init-order/blob/main/docs/rules/dependency-duplicate.md',
      },
      tags: [1, 2],
    });
  });

  test('no diagnostics for syntax errors or for other JSON', () => {
    const withSyntaxErrors = SHOP.replace(
      '"family": "shop-web",',
      '"family": "shop-web",,',
    ).replace('"cpu": "1024",', '"cpu": "1024"');
    assert.ok(analyze(withSyntaxErrors).file.syntaxErrors.length >= 2);
    assert.deepEqual(diagnostics(analyze(withSyntaxErrors), URI), []);
    assert.deepEqual(diagnostics(analyze('{"compilerOptions": {}}'), URI), []);
  });
});
