import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateTaskDefinition } from '../../../bench/generate';
import { REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases } from './ruleTester';

const ID = 'task-definition-too-large';

/**
 * A Fargate task whose one app container carries `envBytes` of environment, as large real ones do:
 * generated, since the size is what each case is about.
 */
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

/** The size as registration sends it: compact JSON, in UTF-8 bytes. */
const compactBytes = (text: string) => Buffer.byteLength(JSON.stringify(JSON.parse(text)));

const OVER = task(70_000);
const OVER_BYTES = compactBytes(OVER);
const BETWEEN = task(40_000);
/** 30 KB as sent, but far over 32 KiB in the file with eight-space indentation. */
const INDENTED = task(29_000, 8);
/** Non-ASCII values weigh more in UTF-8 than their length. */
const ACCENTED = task(25_000).replaceAll('x'.repeat(70), 'é'.repeat(70));
const INNER = JSON.parse(task(29_000)) as Record<string, unknown>;
/** Describe output: the read-only fields registration does not send again. */
const DESCRIBED = {
  ...INNER,
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:7',
  requiresAttributes: Array.from({ length: 200 }, (_, i) => ({
    name: `com.amazonaws.ecs.capability.attribute-${i}`,
  })),
  revision: 7,
  status: 'ACTIVE',
};
const DESCRIBE_OUTPUT = JSON.stringify({ taskDefinition: DESCRIBED }, null, 2);
const CONTAINER_ARRAY = JSON.stringify(JSON.parse(OVER).containerDefinitions, null, 2);

/** The error over 64 KiB, with the figures of OVER. */
const OVER_64_KIB = [
  new RegExp(
    `^This task definition is ${OVER_BYTES.toLocaleString('en-US')} bytes as registration sends it \\(compact JSON, without whitespace\\)`,
  ),
  new RegExp(`Actual length: '${OVER_BYTES}'\\. Max allowed length is '65536' bytes\\.`),
  /The largest container is api \(/,
];
const BOTH_FIGURES = [
  /ECS accepts up to 64 KiB \(65,536 bytes, the figure AWS's guide gives since 2021\)/,
  /its quota table said 32 KiB \(32,768 bytes\) before/,
];

ruleTester(ID, {
  severity: 'error',
  valid: [
    {
      name: 'indentation does not count: 30 KB as sent, over 40 KB in the file',
      document: INDENTED,
    },
    {
      name: 'describe output: the read-only fields registration does not send again do not count',
      document: DESCRIBE_OUTPUT,
    },
    {
      name: 'over 64 KiB with the rule turned off',
      document: OVER,
      options: { severities: { [ID]: 'off' } },
    },
    {
      name: 'a generated 2 KB task definition (a benchmark size)',
      document: generateTaskDefinition(2_048),
    },
    {
      name: 'a generated 20 KB task definition (a benchmark size)',
      document: generateTaskDefinition(20_000),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a task with 70 KB of feature flags in its environment: over 64 KiB as sent, an error with the registration error, at containerDefinitions',
      document: OVER,
      findings: [{ message: OVER_64_KIB, underlined: '"containerDefinitions"', fixes: null }],
    },
    {
      name: 'a user severity applies over 64 KiB too',
      document: OVER,
      options: { severities: { [ID]: 'warning' } },
      findings: [
        {
          message: OVER_64_KIB,
          underlined: '"containerDefinitions"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: 'between 32 and 64 KiB: a warning that names both figures',
      document: BETWEEN,
      findings: [
        {
          message: BOTH_FIGURES,
          underlined: '"containerDefinitions"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: 'counts UTF-8 bytes, as the limit does: accented values weigh more than their length',
      document: ACCENTED,
      findings: [
        {
          message: BOTH_FIGURES,
          underlined: '"containerDefinitions"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: 'a bare container array (Terraform container_definitions) over 64 KiB',
      document: CONTAINER_ARRAY,
      findings: [
        { message: /^These container definitions are /, underlined: CONTAINER_ARRAY, fixes: null },
      ],
    },
  ],
});

test(`${ID}: the generated documents are the sizes their cases stand for`, () => {
  assert.ok(OVER_BYTES > 65_536);
  const between = compactBytes(BETWEEN);
  assert.ok(between > 32_768 && between <= 65_536);
  assert.ok(Buffer.byteLength(INDENTED) > 40_000);
  assert.ok(compactBytes(INDENTED) < 32_768);
  assert.ok(JSON.stringify(JSON.parse(ACCENTED)).length < 32_768);
  assert.ok(compactBytes(ACCENTED) > 32_768);
  assert.ok(Buffer.byteLength(JSON.stringify(INNER)) < 32_768);
  assert.ok(Buffer.byteLength(JSON.stringify(DESCRIBED)) > 32_768);
});
