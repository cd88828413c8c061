/**
 * The input shapes of real task definitions: templates with placeholders (quoted and
 * bare), console exports full of nulls, describe output, a BOM, CRLF and tabs; and the implicit
 * start order ECS adds, as the ECS agent adds it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze, syntaxFindings } from '../../../server/src/engine/index';
import { maskBarePlaceholders } from '../../../server/src/engine/formats/json/parse';
import { isPlaceholder } from '../../../server/src/engine/placeholders';
import { buildStartOrder } from '../../../server/src/engine/startOrder';

function edgesOf(text: string): string[] {
  const model = analyze(text).model;
  assert.ok(model);
  return buildStartOrder(model).edges.map(
    (e) =>
      `${e.from.id} -> ${e.to.id} ${e.condition} ${e.reason}${e.implicit ? ' (implicit)' : ''}`,
  );
}

describe('implicit start order', () => {
  test('FireLens: a log router that itself waits for a container gets no implicit edges (the ECS agent adds none then)', () => {
    const text = readFileSync(
      'test/fixtures/real-world/good/firelens-router-waits-for-config.json',
      'utf8',
    );
    assert.deepEqual(edgesOf(text), [
      'fluent-bit-config -> log_router SUCCESS dependsOn',
      'log_router -> ingest START dependsOn',
    ]);
    const withoutExplicit = text.replace(
      '"dependsOn": [{ "containerName": "log_router", "condition": "START" }],',
      '',
    );
    assert.deepEqual(edgesOf(withoutExplicit), [
      'fluent-bit-config -> log_router SUCCESS dependsOn',
    ]);
  });

  test('FireLens, links and volumesFrom edges reach the graph marked implicit, with their reason and story', () => {
    const links = readFileSync('test/fixtures/real-world/good/ec2-bridge-links.json', 'utf8');
    const graph = analyze(links).graph()!;
    assert.deepEqual(
      graph.edges.map((e) => `${e.from} -> ${e.to} ${e.reason} ${e.implicit}`),
      ['redis -> php-fpm links true', 'php-fpm -> nginx links true'],
    );
    assert.ok(graph.story.some((s) => s.includes('(implicit: links)')));
    const firelens = analyze(
      readFileSync('test/fixtures/real-world/good/firelens-log-router.json', 'utf8'),
    ).graph()!;
    assert.deepEqual(
      firelens.edges.map((e) => `${e.from} -> ${e.to} ${e.condition} ${e.reason} ${e.implicit}`),
      [
        'api -> web HEALTHY dependsOn false',
        'log_router -> web START firelens true',
        'log_router -> api START firelens true',
      ],
    );
    assert.ok(firelens.story.some((s) => s.includes('(implicit: FireLens log router)')));
  });
});

describe('template placeholders', () => {
  test('every documented form is a whole placeholder', () => {
    for (const v of [
      '${VAR}',
      '${var.memory}',
      '{{var}}',
      '{{ .Values.image }}',
      '<PLACEHOLDER>',
      '$$$VAR$$$',
      '#{var}',
      '#{Octopus.Action.Aws.Region}',
      '$APP_NAME',
    ]) {
      assert.ok(isPlaceholder(v), v);
    }
    for (const v of ['repo/app:${TAG}', 'nginx:latest', 'http://localhost:8080', ''])
      assert.ok(!isPlaceholder(v), v);
  });

  test('bare placeholders (`"cpu": ${cpu}`) parse as quoted ones of the same length; strings and comments are untouched', () => {
    const text =
      '// ${not_me}\n{ "cpu": ${app_cpu}, "port": {{ .port }}, "m": ${m}, "s": "a ${b} {{c}}" }';
    const masked = maskBarePlaceholders(text);
    assert.equal(masked.length, text.length);
    assert.equal(
      masked,
      '// ${not_me}\n{ "cpu": "${app_c}", "port": "{{ .por}}", "m": null, "s": "a ${b} {{c}}" }',
    );
    assert.equal(maskBarePlaceholders('{ "a": 1 }'), '{ "a": 1 }');
    // A stray `${` never makes the scan quadratic or eats the rest of the file.
    const stray = '{ "a": ${' + ' x'.repeat(50_000) + ' }';
    assert.equal(maskBarePlaceholders(stray), stray);
  });

  test("envsubst's bare `$NAME` parses as a quoted placeholder; a template splice after an array element as a placeholder element", () => {
    const envsubst = '{ "family": $NAME, "image": $APP_IMAGE, "x": $AB, "s": "$KEEP" }';
    assert.equal(
      maskBarePlaceholders(envsubst),
      '{ "family": "$NA", "image": "$APP_IMA", "x": $AB, "s": "$KEEP" }',
    );
    // Not a value position (a `$` in a key's place, or followed by lower case): left alone.
    assert.equal(maskBarePlaceholders('{ $NAME: 1, "a": $name }'), '{ $NAME: 1, "a": $name }');
    const splice = '[{ "dependsOn": [{ "a": 1 }${EXTRA_DEPENDENCY}] }${EXTRA_CONTAINERS}\n]';
    assert.equal(
      maskBarePlaceholders(splice),
      '[{ "dependsOn": [{ "a": 1 },"${EXTRA_DEPENDE}"] },"${EXTRA_CONTAIN}"\n]',
    );
    // In an object a placeholder after a value is not an element: masked as before.
    assert.equal(maskBarePlaceholders('{ "a": 1 ${more} }'), '{ "a": 1 "${mo}" }');
  });

  test('a template that splices containers and dependencies in is read, with both lists open', () => {
    const model = analyze(
      '[{ "name": "app", "image": "x", "dependsOn": [{ "containerName": "envoy", "condition": "HEALTHY" }${EXTRA_DEPENDENCY}] }, { "name": "envoy", "image": "y" }${EXTRA_CONTAINERS}\n]',
    ).model!;
    assert.equal(model.kind, 'container-array');
    assert.deepEqual(
      model.containers.map((c) => c.id),
      ['app', 'envoy'],
    );
    assert.ok(model.containersOpen);
    assert.ok(model.containers[0]!.dependsOnOpen);
  });

  test('a Terraform template with bare placeholders has no syntax error and its ranges are those of the file', () => {
    const text = readFileSync(
      'test/fixtures/real-world/bad/terraform-container-definitions.json.tpl',
      'utf8',
    );
    const analysis = analyze(text);
    assert.equal(analysis.definitions[0]?.input.kind, 'container-array');
    assert.deepEqual(syntaxFindings(analysis.file), []);
    const link = analysis.findings.find((f) => f.code === 'links-unknown-container')!;
    const line = text.split('\n')[link.range.start.line]!;
    assert.equal(
      line.slice(link.range.start.character, link.range.end.character),
      '"${service_name}-cache"',
    );
  });

  test('a placeholder memory is not judged as its final value, and equal placeholders still match', () => {
    const text = readFileSync(
      'test/fixtures/real-world/good/helm-octopus-placeholders.json',
      'utf8',
    );
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'),
      [],
    );
    assert.deepEqual(
      analysis.graph()!.edges.map((e) => `${e.from} -> ${e.to} ${e.condition}`),
      ['{{ .Values.sidecarName }} -> $APP_NAME HEALTHY'],
    );
  });
});

describe('console exports, describe output and formatting', () => {
  test('explicit null is the same as absent everywhere', () => {
    const model = analyze(
      readFileSync('test/fixtures/real-world/good/console-export-nulls.json', 'utf8'),
    ).model!;
    const c = model.containers[0]!;
    assert.equal(c.dependsOnNode, undefined);
    assert.equal(c.healthCheckNode, undefined);
    assert.equal(c.memoryNode, undefined);
    assert.equal(c.firelensConfigurationNode, undefined);
    assert.deepEqual(c.links, []);
  });

  test('a BOM, CRLF, tabs and trailing commas: findings land on the right line and column', () => {
    const text = readFileSync('test/fixtures/real-world/bad/crlf-bom-tabs.json', 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const analysis = analyze(text);
    assert.deepEqual(syntaxFindings(analysis.file), []);
    const lines = text.split('\r\n');
    const shape = analysis.findings.find((f) => f.code === 'healthcheck-command-shape')!;
    assert.equal(
      lines[shape.range.start.line]!.slice(shape.range.start.character, shape.range.end.character),
      '"curl -f http://localhost:8080/ || exit 1"',
    );
    const links = analysis.findings.find((f) => f.code === 'links-in-awsvpc')!;
    assert.equal(
      lines[links.range.start.line]!.slice(links.range.start.character, links.range.end.character),
      '"links"',
    );
  });

  test('model: container memory and volume storage are located', () => {
    const model = analyze(
      readFileSync('test/fixtures/real-world/bad/fargate-unsupported-parameter.json', 'utf8'),
    ).model!;
    assert.equal(model.volumes[0]!.hostSourcePathNode?.value, '/mnt/scratch');
    assert.equal(model.volumes[1]!.dockerVolumeConfigurationNode?.type, 'object');
    const ec2 = analyze(
      readFileSync('test/fixtures/real-world/bad/memory-reservation-exceeds-memory.json', 'utf8'),
    ).model!;
    assert.equal(ec2.containers[0]!.memoryNode?.value, 1024);
    assert.equal(ec2.containers[0]!.memoryReservationNode?.value, 2048);
  });
});
