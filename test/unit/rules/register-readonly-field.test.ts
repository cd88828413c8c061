import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { ruleById } from '../../../server/src/engine/rules/index';
import { REAL_WORLD_CORRECT } from './helpers';
import {
  crlf,
  edit,
  fixture,
  ruleTester,
  validCases,
  type ExpectedFinding,
  type ExpectedFix,
} from './ruleTester';

const ID = 'register-readonly-field';
const PREPARE = 'Prepare for register-task-definition';

/** A console "JSON" export: the task definition itself, with the fields ECS adds. */
const EXPORT = fixture('register-readonly-field/console-export-tickets.json');
const PREPARED_EXPORT = fixture('register-readonly-field/console-export-tickets.prepared.json');
/** describe-task-definition output: the taskDefinition wrapper, and tags beside it. */
const DESCRIBE = fixture('register-readonly-field/describe-output-api-with-tags.json');
const PREPARED_DESCRIBE = fixture(
  'register-readonly-field/describe-output-api-with-tags.prepared.json',
);
/** DESCRIBE with CRLF line ends, tab indentation and no tags. */
const DESCRIBE_TABS = edit(
  crlf(DESCRIBE).replaceAll('  ', '\t'),
  '"tags": [\r\n\t\t{\r\n\t\t\t"key": "team",\r\n\t\t\t"value": "billing"\r\n\t\t}\r\n\t]',
  '"tags": []',
);
const PREPARED_DESCRIBE_TABS =
  '{\r\n\t"containerDefinitions": [\r\n\t\t{\r\n\t\t\t"name": "api",\r\n\t\t\t"image": "shop/api:1.0.0"\r\n\t\t}\r\n\t],\r\n\t"family": "api"\r\n}\r\n';
/** A document indented by two more spaces, as pasted from a log. */
const indented = (text: string) => text.replace(/^/gm, '  ').replace(/ {2}$/, '');
/** DESCRIBE without the tags beside the wrapper. */
const DESCRIBE_NO_TAGS = edit(
  DESCRIBE,
  '  },\n  "tags": [\n    {\n      "key": "team",\n      "value": "billing"\n    }\n  ]\n}',
  '  }\n}',
);
/** DESCRIBE whose task definition has tags of its own (empty): the wrapper's are not moved in. */
const DESCRIBE_INNER_TAGS = edit(
  DESCRIBE,
  '"status": "ACTIVE"',
  '"status": "ACTIVE",\n    "tags": []',
);
/** DESCRIBE indented as a whole, as pasted from a log. */
const DESCRIBE_INDENTED = indented(DESCRIBE);
const PREPARED_NO_TAGS =
  '{\n  "containerDefinitions": [\n    {\n      "name": "api",\n      "image": "shop/api:1.0.0"\n    }\n  ],\n  "family": "api"\n}\n';
const UNWRAPPED_NO_TAGS = edit(
  PREPARED_NO_TAGS,
  [
    '{\n  "containerDefinitions"',
    '{\n  "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\n  "containerDefinitions"',
  ],
  ['"family": "api"\n', '"family": "api",\n  "revision": 3,\n  "status": "ACTIVE"\n'],
);

/**
 * The findings on a DESCRIBE variant whose fields sit at `indent`: the wrapper, then each
 * read-only field with the preparation and its own removal.
 */
function describeFindings(
  document: string,
  prepared: string,
  unwrapped: string,
  indent: string,
): ExpectedFinding[] {
  const status = document.includes('"status": "ACTIVE",')
    ? ([`${indent}"status": "ACTIVE",\n`, ''] as const)
    : ([`"revision": 3,\n${indent}"status": "ACTIVE"\n`, '"revision": 3\n'] as const);
  const field = describeField(document, prepared);
  return [
    wrapper(prepared, { title: 'Unwrap "taskDefinition"', output: unwrapped }),
    field(
      'taskDefinitionArn',
      `${indent}"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\n`,
    ),
    field('revision', `${indent}"revision": 3,\n`),
    field('status', status[0], status[1]),
  ];
}
const NULL_FIELD = `{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "b" }], "deregisteredAt": null }`;

const SET_BY_ECS =
  /is set by ECS when it registers a task definition \(describe-task-definition output\); it is not an input: aws ecs register-task-definition --cli-input-json rejects it \("Unknown parameter in input"\)/;

/**
 * A read-only field: each finding offers the whole preparation and its own removal, neither
 * applied by --fix.
 */
function readOnly(
  field: string,
  message: RegExp | readonly RegExp[],
  prepared: string,
  removed: string,
): ExpectedFinding {
  return {
    message,
    underlined: `"${field}"`,
    fixes: [
      { title: PREPARE, output: prepared },
      { title: `Remove "${field}"`, output: removed },
    ],
  };
}
const exportField = (field: string, from: string, to = '') =>
  readOnly(field, SET_BY_ECS, PREPARED_EXPORT, edit(EXPORT, from, to));
const describeField =
  (document: string, prepared: string) =>
  (field: string, from: string, to = '') =>
    readOnly(
      field,
      /removes all such fields and unwraps taskDefinition\.$/,
      prepared,
      edit(document, from, to),
    );
/** The wrapper finding of describe output: the preparation, or only the unwrapping. */
const wrapper = (prepared: string, unwrap: ExpectedFix): ExpectedFinding => ({
  message:
    /This is describe-task-definition output: aws ecs register-task-definition --cli-input-json takes the task definition itself, not the "taskDefinition" wrapper/,
  underlined: '"taskDefinition"',
  fixes: [{ title: PREPARE, output: prepared }, unwrap],
});

const inDescribe = describeField(DESCRIBE, PREPARED_DESCRIBE);
const inDescribeTabs = describeField(DESCRIBE_TABS, PREPARED_DESCRIBE_TABS);

ruleTester(ID, {
  severity: 'hint',
  valid: [
    { name: 'a prepared export without read-only fields', document: PREPARED_EXPORT },
    {
      name: 'a bare container array (status is a container field there)',
      document: `[{ "name": "a", "image": "b", "status": "x" }]`,
    },
    {
      name: 'a task definition with a stray "taskDefinition" key (unknown-field reports it) is not describe output',
      document: `{
  "family": "api",
  "containerDefinitions": [{ "name": "api", "image": "shop/api:1.0.0" }],
  "taskDefinition": { "containerDefinitions": [] }
}
`,
    },
    {
      name: "a CloudFormation template: the task definition's Properties are no taskDefinition wrapper",
      document: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Api:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api
      ContainerDefinitions:
        - Name: api
          Image: shop/api:1.0.0
`,
      options: { format: 'cloudformation' },
    },
    {
      name: 'describe output, prepared: nothing left to report',
      document: PREPARED_DESCRIBE,
    },
    // Describe output is what this rule is about.
    ...validCases(
      Object.fromEntries(
        Object.entries(REAL_WORLD_CORRECT).filter(([name]) => !/describe/i.test(name)),
      ),
    ),
  ],
  invalid: [
    {
      name: 'a console JSON export: each read-only field, on its key',
      document: EXPORT,
      findings: [
        exportField(
          'taskDefinitionArn',
          '    "taskDefinitionArn": "arn:aws:ecs:us-east-2:123456789012:task-definition/tickets:17",\n',
        ),
        readOnly(
          'revision',
          [SET_BY_ECS, /"Prepare for register-task-definition" removes all such fields\.$/],
          PREPARED_EXPORT,
          edit(EXPORT, '    "revision": 17,\n', ''),
        ),
        exportField('status', '    "status": "ACTIVE",\n'),
        exportField(
          'requiresAttributes',
          '    "requiresAttributes": [\n        {\n            "name": "ecs.capability.task-eni"\n        }\n    ],\n',
        ),
        exportField('compatibilities', '    "compatibilities": ["EC2", "FARGATE"],\n'),
        exportField('registeredAt', '    "registeredAt": "2025-02-11T08:41:55.118Z",\n'),
        exportField(
          'registeredBy',
          '"2025-02-11T08:41:55.118Z",\n    "registeredBy": "arn:aws:iam::123456789012:user/ops"\n',
          '"2025-02-11T08:41:55.118Z"\n',
        ),
      ],
    },
    {
      name: 'describe-task-definition output: the wrapper finding; the preparation unwraps (re-indented) and keeps the tags',
      document: DESCRIBE,
      findings: [
        wrapper(PREPARED_DESCRIBE, {
          title: 'Unwrap "taskDefinition"',
          output: fixture('register-readonly-field/describe-output-api-with-tags.unwrapped.json'),
        }),
        inDescribe(
          'taskDefinitionArn',
          '    "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\n',
        ),
        inDescribe('revision', '    "revision": 3,\n'),
        inDescribe('status', '"revision": 3,\n    "status": "ACTIVE"\n', '"revision": 3\n'),
      ],
    },
    {
      name: 'describe output with CRLF and tab indentation: both survive the preparation',
      document: DESCRIBE_TABS,
      findings: [
        wrapper(PREPARED_DESCRIBE_TABS, {
          title: 'Unwrap "taskDefinition"',
          output: edit(
            DESCRIBE_TABS,
            '\t"taskDefinition": {\r\n\t\t"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\r\n\t\t"containerDefinitions": [\r\n\t\t\t{\r\n\t\t\t\t"name": "api",\r\n\t\t\t\t"image": "shop/api:1.0.0"\r\n\t\t\t}\r\n\t\t],\r\n\t\t"family": "api",\r\n\t\t"revision": 3,\r\n\t\t"status": "ACTIVE"\r\n\t},\r\n\t"tags": []\r\n',
            '\t"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\r\n\t"containerDefinitions": [\r\n\t\t{\r\n\t\t\t"name": "api",\r\n\t\t\t"image": "shop/api:1.0.0"\r\n\t\t}\r\n\t],\r\n\t"family": "api",\r\n\t"revision": 3,\r\n\t"status": "ACTIVE"\r\n',
          ),
        }),
        inDescribeTabs(
          'taskDefinitionArn',
          '\t\t"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:3",\r\n',
        ),
        inDescribeTabs('revision', '\t\t"revision": 3,\r\n'),
        inDescribeTabs(
          'status',
          '"revision": 3,\r\n\t\t"status": "ACTIVE"\r\n',
          '"revision": 3\r\n',
        ),
      ],
    },
    {
      name: 'describe output without tags: nothing to move in',
      document: DESCRIBE_NO_TAGS,
      findings: describeFindings(DESCRIBE_NO_TAGS, PREPARED_NO_TAGS, UNWRAPPED_NO_TAGS, '    '),
    },
    {
      name: "describe output whose task definition has tags of its own: the wrapper's are not added",
      document: DESCRIBE_INNER_TAGS,
      findings: describeFindings(
        DESCRIBE_INNER_TAGS,
        edit(PREPARED_NO_TAGS, '"family": "api"\n', '"family": "api",\n  "tags": []\n'),
        edit(UNWRAPPED_NO_TAGS, '"status": "ACTIVE"\n', '"status": "ACTIVE",\n  "tags": []\n'),
        '    ',
      ),
    },
    {
      name: 'describe output indented as a whole: the preparation keeps its indentation',
      document: DESCRIBE_INDENTED,
      findings: describeFindings(
        DESCRIBE_INDENTED,
        indented(PREPARED_DESCRIBE),
        indented(fixture('register-readonly-field/describe-output-api-with-tags.unwrapped.json')),
        '      ',
      ),
    },
    {
      name: 'an explicit null read-only field is still a key the CLI rejects',
      document: NULL_FIELD,
      findings: [
        readOnly(
          'deregisteredAt',
          SET_BY_ECS,
          `{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "b" }] }`,
          `{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "b" }] }`,
        ),
      ],
    },
  ],
});

test(`${ID}: fix-all leaves a console export alone (no fix of this rule is safe)`, () => {
  assert.equal(fixAll(EXPORT, { rules: [ruleById(ID)!] }).text, EXPORT);
});
