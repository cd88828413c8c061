import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findingsOf, onlyFinding, REAL_WORLD_CORRECT, underlined } from './helpers';
import { generateTaskDefinition } from '../../../bench/generate';

const ID = 'task-definition-too-large';

/** A Fargate task whose one app container carries `envBytes` of environment, as large real ones do. */
function task(envBytes: number, indent = 2): string {
  const environment = Array.from({ length: Math.ceil(envBytes / 100) }, (_, i) => ({
    name: `FEATURE_FLAG_${i}`,
    value: 'x'.repeat(70),
  }));
  return JSON.stringify(
    {
      family: 'api',
      containerDefinitions: [
        { name: 'migrate', image: 'shop/api:1.4.2', essential: false },
        { name: 'api', image: 'shop/api:1.4.2', environment },
      ],
    },
    null,
    indent,
  );
}

const compactBytes = (text: string) => Buffer.byteLength(JSON.stringify(JSON.parse(text)));

describe(ID, () => {
  test('over 64 KiB as sent: an error with the registration error, at containerDefinitions', () => {
    const text = task(70_000);
    const bytes = compactBytes(text);
    assert.ok(bytes > 65_536);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.equal(underlined(text, f.range), '"containerDefinitions"');
    assert.ok(
      f.message.startsWith(
        `This task definition is ${bytes.toLocaleString('en-US')} bytes as registration sends it (compact JSON, without whitespace)`,
      ),
      f.message,
    );
    assert.match(
      f.message,
      new RegExp(`Actual length: '${bytes}'\\. Max allowed length is '65536' bytes\\.`),
    );
    assert.match(f.message, /The largest container is api \(/);
    assert.deepEqual(f.fixes, []);
  });

  test('between 32 and 64 KiB: a warning that names both figures', () => {
    const text = task(40_000);
    const bytes = compactBytes(text);
    assert.ok(bytes > 32_768 && bytes <= 65_536);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'warning');
    assert.match(
      f.message,
      /ECS accepts up to 64 KiB \(65,536 bytes, the figure AWS's guide gives since 2021\)/,
    );
    assert.match(f.message, /its quota table said 32 KiB \(32,768 bytes\) before/);
  });

  test('the size is that of compact JSON: indentation does not count', () => {
    // 30 KB as sent, but far over 32 KiB in the file with eight-space indentation.
    const text = task(29_000, 8);
    assert.ok(Buffer.byteLength(text) > 40_000);
    assert.ok(compactBytes(text) < 32_768);
    assert.deepEqual(findingsOf(ID, text), []);
  });

  test('counts UTF-8 bytes, as the limit does: non-ASCII values weigh more than their length', () => {
    const text = task(25_000).replaceAll('x'.repeat(70), 'é'.repeat(70));
    assert.ok(JSON.stringify(JSON.parse(text)).length < 32_768);
    assert.ok(compactBytes(text) > 32_768);
    assert.equal(onlyFinding(ID, text).severity, 'warning');
  });

  test('a describe output: the read-only fields registration does not send again do not count', () => {
    const inner = JSON.parse(task(29_000)) as Record<string, unknown>;
    assert.ok(Buffer.byteLength(JSON.stringify(inner)) < 32_768);
    const described = {
      ...inner,
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
      requiresAttributes: Array.from({ length: 200 }, (_, i) => ({
        name: `com.amazonaws.ecs.capability.attribute-${i}`,
      })),
      revision: 7,
      status: 'ACTIVE',
    };
    const text = JSON.stringify({ taskDefinition: described }, null, 2);
    assert.ok(Buffer.byteLength(JSON.stringify(described)) > 32_768);
    assert.deepEqual(findingsOf(ID, text), []);
  });

  test('a bare container array (Terraform container_definitions) over 64 KiB', () => {
    const containers = JSON.parse(task(70_000)).containerDefinitions;
    const text = JSON.stringify(containers, null, 2);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'error');
    assert.ok(f.message.startsWith('These container definitions are '), f.message);
  });

  test('a user severity applies to both sizes', () => {
    assert.equal(
      onlyFinding(ID, task(70_000), { severities: { [ID]: 'warning' } }).severity,
      'warning',
    );
    assert.deepEqual(findingsOf(ID, task(70_000), { severities: { [ID]: 'off' } }), []);
  });

  describe('does not fire', () => {
    test('on the generated task definitions of the benchmark sizes (2 KB, 20 KB)', () => {
      for (const size of [2_048, 20_000])
        assert.deepEqual(findingsOf(ID, generateTaskDefinition(size)), []);
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT)) {
      test(`on ${name}`, () => assert.deepEqual(findingsOf(ID, text), []));
    }
  });
});
