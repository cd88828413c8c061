/**
 * task-definition-too-large on Terraform: a resource's size is counted as the provider's
 * registration sends it (the task definition as compact JSON, in the API's names, `cpu` and
 * `memory` as strings), not as the .tf file writes it, exactly at ECS's borders (32 and 64 KiB),
 * whether the containers are in jsonencode (spaced or compact HCL) or a heredoc of JSON.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { analyzeTf, terraformOf, terraformReady, type ContainersAs } from '../../support/terraform';

before(terraformReady);

const ID = 'task-definition-too-large';

/** A task definition whose registration JSON is exactly `bytes` bytes (UTF-8, compact). */
function taskOf(bytes: number, value = 'x') {
  const task = {
    family: 'api',
    cpu: '2048',
    memory: '4096',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    containerDefinitions: [
      { name: 'migrate', image: 'shop/api:1.4.2', essential: false },
      {
        name: 'api',
        image: 'shop/api:1.4.2',
        essential: true,
        environment: [] as { name: string; value: string }[],
      },
    ],
  };
  const environment = task.containerDefinitions[1]!.environment!;
  const size = () => Buffer.byteLength(JSON.stringify(task));
  while (size() < bytes - 200)
    environment.push({ name: `FLAG_${environment.length}`, value: value.repeat(60) });
  const last = { name: 'LAST', value: '' };
  environment.push(last);
  while (size() < bytes) last.value += 'y';
  assert.equal(size(), bytes);
  return task;
}

/** HCL for a JSON value with no space to spare: `{name="api",essential=false}`. */
function compactHcl(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactHcl).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${compactHcl(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** The .tf text, the containers in the given form; `compact`: jsonencode's HCL without spaces. */
function tf(task: { containerDefinitions: unknown }, as: ContainersAs, compact = false): string {
  let text = terraformOf(task, as);
  // The provider's schema types cpu as a string: a number is sent as a string too.
  text = text.replace('cpu = "2048"', 'cpu = 2048');
  if (compact) {
    const start = text.indexOf('jsonencode(') + 'jsonencode('.length;
    const end = text.lastIndexOf(')');
    text = text.slice(0, start) + compactHcl(task.containerDefinitions) + text.slice(end);
  }
  return text;
}

const FORMS: [string, ContainersAs, boolean][] = [
  ['jsonencode', 'jsonencode', false],
  ['compact jsonencode', 'jsonencode', true],
  ['heredoc', 'heredoc', false],
];

for (const [bytes, expected] of [
  [32_768, undefined],
  [32_769, 'warning'],
  [65_536, 'warning'],
  [65_537, 'error'],
] as const) {
  for (const [form, as, compact] of FORMS) {
    test(`${ID}: a Terraform task definition of ${bytes} bytes as sent, ${form}: ${expected ?? 'no finding'}`, () => {
      const text = tf(taskOf(bytes), as, compact);
      const findings = analyzeTf(text).findings.filter((f) => f.code === ID);
      if (!expected) return assert.deepEqual(findings, []);
      assert.equal(findings.length, 1, text.length.toString());
      assert.equal(findings[0]!.severity, expected);
      assert.match(
        findings[0]!.message,
        new RegExp(`is ${bytes.toLocaleString('en-US')} bytes as registration sends it`),
      );
    });
  }
}

test(`${ID}: non-ASCII values count in UTF-8 bytes, as sent`, () => {
  const text = tf(taskOf(32_769, 'é'), 'jsonencode');
  const [finding] = analyzeTf(text).findings.filter((f) => f.code === ID);
  assert.match(finding?.message ?? '', /is 32,769 bytes as registration sends it/);
});
