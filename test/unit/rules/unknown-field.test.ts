import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { getLanguageService, type JSONSchema, TextDocument } from 'vscode-json-languageservice';
import { ALL_CORRECT, DESCRIBE_OUTPUT, findingsOf, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const ID = 'unknown-field';
/** chrispsheehan/fargate-nextjs-webapp tf/container_definitions.tpl: a Terraform template. */
const TF_HEALTHCHECK = readFileSync(
  'test/fixtures/real-world/bad/terraform-healthcheck-lowercase.json.tpl',
  'utf8',
);
/** The same container in a Fargate task definition, with Terraform's start_period habit. */
const FARGATE_HEALTHCHECK = fixture(`${ID}/fargate-healthcheck-lowercase.schema-invalid.json`);
/** networkMode written in each container (as jay-li-0202/aws-infrastructure's template does). */
const NETWORK_MODE = fixture(`${ID}/network-mode-in-container.schema-invalid.json`);
/** vkdhanaraj/terraform-ecs-appmesh templates/ecs/reviews.json.tpl. */
const REVIEWS = readFileSync(
  'test/fixtures/real-world/bad/appmesh-tf-reviews-nodepends.json.tpl',
  'utf8',
);
/** decentralgabe/ion terraform/modules/ipfs/templates/ecs_ipfs_task.tpl. */
const IPFS = readFileSync(
  'test/fixtures/real-world/bad/ipfs-4001-tcp-udp-runtime-platform-in-container.json.tpl',
  'utf8',
);

const SITE_MODE = '      "networkMode": "awsvpc",\n      "portMappings": [{ "containerPort": 8080';
const AGENT_MODE = '      "networkMode": "awsvpc",\n      "environment": [{ "name": "ECS_FARGATE"';
const WITH_TASK_MODE = edit(NETWORK_MODE, [
  '"requiresCompatibilities": ["FARGATE"],',
  '"requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",',
]);
const withoutMode = (text: string, mode: string) =>
  edit(text, mode, mode.replace('      "networkMode": "awsvpc",\n', ''));
const REMOVE_WHEN_TASK_SETS_IT = {
  title: 'Remove networkMode from the container (the task sets the same)',
  preferred: true,
  safe: false,
};
const TASK_MESSAGE =
  /^networkMode is a task-level field, not a container one: register-task-definition rejects it \(Unknown parameter in containerDefinitions\[\d\]: "networkMode"\)\. Set it once, on the task definition\.$/;
const TERRAFORM_MESSAGE =
  /Terraform's provider drops a key it does not know without a word, and register-task-definition --container-definitions rejects it/;

/** A small task definition with one container written as given. */
const task = (container: string, top = '') => `{
  "family": "shop",${top}
  "containerDefinitions": [
    ${container}
  ]
}
`;

ruleTester(ID, {
  severity: 'error',
  valid: [
    {
      name: 'a key still being typed (no value yet): the JSON syntax error is enough',
      document: task('{ "name": "app", "image": "shop/app:1.0", "hea" }'),
    },
    {
      name: 'a template placeholder as a key (Terraform, Helm)',
      document: task('{ "name": "app", "image": "shop/app:1.0", "${extra_key}": "x" }'),
    },
    {
      name: '"$schema" at the root, as the editor schema association writes it',
      document: task(
        '{ "name": "app", "image": "shop/app:1.0" }',
        '\n  "$schema": "https://raw.githubusercontent.com/ecs-init-order/ecs-init-order/main/schemas/task-definition.schema.json",',
      ),
    },
    {
      name: 'free-form maps: docker labels and log options take any key',
      document: task(
        '{ "name": "app", "image": "shop/app:1.0", "dockerLabels": { "com.example.Team": "shop" }, "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch_logs", "log_group_name": "/shop" } } }',
      ),
    },
    {
      name: 'describe output: the fields ECS adds are known (register-readonly-field speaks of them)',
      document: DESCRIBE_OUTPUT,
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...ALL_CORRECT }),
  ],
  invalid: [
    {
      name: 'a Terraform template with "healthcheck" (chrispsheehan/fargate-nextjs-webapp): Terraform reads it, the API does not: a hint, the safe fix renames the key',
      document: TF_HEALTHCHECK,
      findings: [
        {
          message:
            "healthcheck is healthCheck written in another case: Terraform's provider accepts it (Go's JSON decoding matches a key to a field whatever its case), but register-task-definition, CloudFormation and the JSON schema do not. Write healthCheck.",
          underlined: '"healthcheck"',
          severity: 'hint',
          container: '${container_name}',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename healthcheck to healthCheck',
              preferred: true,
              safe: true,
              output: edit(TF_HEALTHCHECK, '"healthcheck"', '"healthCheck"'),
            },
          ],
        },
      ],
    },
    {
      name: 'the same container in a Fargate task definition, with "start_period" inside: errors on both keys, each renamed safely (the nested path is the one the CLI prints once the parent is fixed)',
      document: FARGATE_HEALTHCHECK,
      findings: [
        {
          message:
            'ECS has no field healthcheck in container web: keys are case-sensitive, and the field is healthCheck. register-task-definition rejects it (Unknown parameter in containerDefinitions[0]: "healthcheck").',
          underlined: '"healthcheck"',
          container: 'web',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename healthcheck to healthCheck',
              preferred: true,
              safe: true,
              output: edit(FARGATE_HEALTHCHECK, '"healthcheck"', '"healthCheck"'),
            },
          ],
        },
        {
          message:
            'ECS has no field start_period in healthcheck of web: keys are case-sensitive, and the field is startPeriod. register-task-definition rejects it (Unknown parameter in containerDefinitions[0].healthCheck: "start_period").',
          underlined: '"start_period"',
          container: 'web',
          fixes: [
            {
              title: 'Rename start_period to startPeriod',
              preferred: true,
              safe: true,
              output: edit(FARGATE_HEALTHCHECK, '"start_period"', '"startPeriod"'),
            },
          ],
        },
      ],
    },
    {
      name: 'networkMode in every container of a task definition that has none: each error moves it to the task',
      document: NETWORK_MODE,
      findings: [SITE_MODE, AGENT_MODE].map((mode, i) => ({
        message: TASK_MESSAGE,
        underlined: '"networkMode"',
        container: i === 0 ? 'site' : 'datadog-agent',
        schemaCovered: true,
        fixes: [
          {
            title: 'Move networkMode to the task definition',
            preferred: true,
            safe: false,
            output: withoutMode(WITH_TASK_MODE, mode),
          },
        ],
      })),
    },
    {
      name: 'networkMode in a container of a task definition that sets the same: the fix removes it',
      document: withoutMode(WITH_TASK_MODE, SITE_MODE),
      findings: [
        {
          message: TASK_MESSAGE,
          underlined: '"networkMode"',
          container: 'datadog-agent',
          schemaCovered: true,
          fixes: [
            {
              ...REMOVE_WHEN_TASK_SETS_IT,
              output: withoutMode(withoutMode(WITH_TASK_MODE, SITE_MODE), AGENT_MODE),
            },
          ],
        },
      ],
    },
    {
      name: 'networkMode in a container of a task definition that sets another one: only a removal, not preferred',
      document: edit(
        withoutMode(WITH_TASK_MODE, SITE_MODE),
        '"networkMode": "awsvpc",\n  "cpu"',
        '"networkMode": "bridge",\n  "cpu"',
      ),
      findings: [
        {
          message: TASK_MESSAGE,
          underlined: '"networkMode"',
          container: 'datadog-agent',
          schemaCovered: true,
          fixes: [
            {
              title: 'Remove networkMode from the container',
              preferred: false,
              safe: false,
              output: withoutMode(
                edit(
                  withoutMode(WITH_TASK_MODE, SITE_MODE),
                  '"networkMode": "awsvpc",\n  "cpu"',
                  '"networkMode": "bridge",\n  "cpu"',
                ),
                AGENT_MODE,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a Terraform App Mesh template with networkMode in the app container (vkdhanaraj/terraform-ecs-appmesh): a warning, the fix removes it',
      document: REVIEWS,
      findings: [
        {
          message: [
            /^networkMode is a task-level field, not a container one: /,
            TERRAFORM_MESSAGE,
            /\(Unknown parameter in containerDefinitions\[0\]: "networkMode"\)\. Set it on the task definition \(networkMode of the resource that holds these containers\)\.$/,
          ],
          underlined: '"networkMode"',
          severity: 'warning',
          container: 'reviews',
          schemaCovered: true,
          fixes: [
            {
              title: 'Remove networkMode from the container',
              preferred: true,
              safe: false,
              output: edit(REVIEWS, '    "networkMode": "awsvpc",\n', ''),
            },
          ],
        },
      ],
    },
    {
      name: 'runtimePlatform inside the IPFS container of a Terraform template (decentralgabe/ion): a warning, the fix removes the object',
      document: IPFS,
      findings: [
        {
          message: /^runtimePlatform is a task-level field, not a container one: /,
          underlined: '"runtimePlatform"',
          severity: 'warning',
          container: '${ipfs_container_image_name}',
          schemaCovered: true,
          fixes: [
            {
              title: 'Remove runtimePlatform from the container',
              preferred: true,
              safe: false,
              output: edit(
                IPFS,
                '        "runtimePlatform": {\n            "cpuArchitecture": "X86_64",\n            "operatingSystemFamily": "LINUX"\n        },\n',
                '',
              ),
            },
          ],
        },
      ],
    },
    {
      name: '"Environment" with a capital E next to "environment": no rename (the container has the key already)',
      document: task(
        '{ "name": "app", "image": "shop/app:1.0", "environment": [], "Environment": [{ "name": "A", "value": "1" }] }',
      ),
      findings: [
        {
          message:
            'ECS has no field Environment in container app: keys are case-sensitive, and the field is environment. register-task-definition rejects it (Unknown parameter in containerDefinitions[0]: "Environment").',
          underlined: '"Environment"',
          container: 'app',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a typo ("esential"): did you mean essential, a preferred rename that --fix leaves to you',
      document: task('{ "name": "init", "image": "shop/init:1.0", "esential": false }'),
      findings: [
        {
          message:
            'ECS has no field esential in container init. Did you mean essential? register-task-definition rejects it (Unknown parameter in containerDefinitions[0]: "esential").',
          underlined: '"esential"',
          container: 'init',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename esential to essential',
              preferred: true,
              safe: false,
              output: task('{ "name": "init", "image": "shop/init:1.0", "essential": false }'),
            },
          ],
        },
      ],
    },
    {
      name: 'container fields written at the task level (environment): no fix, which container is yours to say',
      document: task(
        '{ "name": "app", "image": "shop/app:1.0" }',
        '\n  "environment": [{ "name": "STAGE", "value": "prod" }],',
      ),
      findings: [
        {
          message:
            'environment is a container field, not a task-level one: register-task-definition rejects it (Unknown parameter in input: "environment"). Set it in the container that needs it.',
          underlined: '"environment"',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a key no field resembles, inside describe output: the path is that of the task',
      document: edit(
        DESCRIBE_OUTPUT,
        '"taskDefinitionArn"',
        '"deploymentNotes": "blue",\n        "taskDefinitionArn"',
      ),
      findings: [
        {
          message:
            'ECS has no field deploymentNotes in the task definition. register-task-definition rejects it (Unknown parameter in input: "deploymentNotes").',
          underlined: '"deploymentNotes"',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
  ],
});

/** What VS Code's JSON language service reports with the task-definition schema: "Property x is not allowed." per key. */
async function schemaRejectedKeys(text: string): Promise<string[]> {
  const schema = JSON.parse(
    readFileSync('schemas/task-definition.schema.json', 'utf8'),
  ) as JSONSchema & { $id: string };
  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: schema.$id, fileMatch: ['*.json'], schema }],
  });
  const doc = TextDocument.create('file:///p/task-def.json', 'jsonc', 1, text);
  const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc), {
    comments: 'ignore',
    trailingCommas: 'ignore',
  });
  return diagnostics
    .filter((d) => /is not allowed/.test(typeof d.message === 'string' ? d.message : ''))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${doc.getText(d.range)}`)
    .sort();
}

test(`${ID}: its schema-covered findings are exactly the keys VS Code's JSON validation rejects with the schema, in task definitions, describe output and container arrays (keys inside a misspelt key are not covered: the schema does not look inside)`, async () => {
  const documents = [
    FARGATE_HEALTHCHECK,
    NETWORK_MODE,
    task('{ "name": "init", "image": "shop/init:1.0", "esential": false }'),
    task('{ "name": "app", "image": "shop/app:1.0" }', '\n  "environment": [],'),
    edit(
      DESCRIBE_OUTPUT,
      '"taskDefinitionArn"',
      '"deploymentNotes": "blue",\n        "taskDefinitionArn"',
    ),
    '[\n  { "name": "app", "image": "shop/app:1.0", "networkMode": "awsvpc", "healthcheck": { "command": ["CMD", "true"], "start_period": 5 } }\n]\n',
    ...Object.values(ALL_CORRECT),
  ];
  for (const text of documents) {
    const ours = findingsOf(ID, text)
      .filter((f) => f.schemaCovered)
      .map(
        (f) =>
          `${f.range.start.line}:${f.range.start.character} ${text.split(/\r?\n/)[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)}`,
      )
      .sort();
    assert.deepEqual(ours, await schemaRejectedKeys(text));
  }
});
