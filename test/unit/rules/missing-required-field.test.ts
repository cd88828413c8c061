import { readFileSync } from 'node:fs';
import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

/** While the user types a new container: the object is there, its fields are not yet. */
const TYPING = fixture('missing-required-field/new-empty-container-object.schema-invalid.json');
/** TYPING with the new container written out as given. */
const typed = (container: string) => edit(TYPING, '{}', container);
const NO_FAMILY = edit(
  typed('{ "name": "worker", "image": "shop/worker:2.4.0" }'),
  '  "family": "shop",\n',
  '',
);
/** Registered by `aws ecs register-task-definition --family … --cli-input-json file://…` (real-world/good). */
const CLI_FAMILY_OVERRIDE = readFileSync(
  'test/fixtures/real-world/good/cli-family-override-task-definition.json',
  'utf8',
);
const EMPTY_LIST = '{\n  "family": "shop",\n  "containerDefinitions": []\n}\n';

const NEW_BRACE = { start: { line: 7, character: 4 }, end: { line: 7, character: 5 } };

ruleTester('missing-required-field', {
  severity: 'error',
  valid: [
    {
      name: 'template placeholders, quoted or bare (they are values once rendered)',
      document: `{
  "family": \${f},
  "containerDefinitions": [
    { "name": "\${APP_NAME}", "image": \${i} },
    { "name": "worker", "image": "{{ .Values.worker.image }}" }
  ]
}
`,
    },
    {
      name: 'the task-level fields of a bare container array (Terraform container_definitions)',
      document: '[\n  { "name": "app", "image": "shop/app:2.4.0" }\n]\n',
    },
    {
      name: 'a dependsOn entry with an empty containerName (dependency-unknown-container reports it)',
      document: typed(
        '{ "name": "worker", "image": "shop/worker:2.4.0", "dependsOn": [{ "containerName": "", "condition": "START" }] }',
      ),
    },
    {
      name: 'a name or image of the wrong type (the JSON schema reports the type)',
      document: typed('{ "name": 7, "image": ["nginx"] }'),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a new, empty container object: one finding per missing field, on its opening brace',
      document: TYPING,
      findings: [
        {
          message:
            /The name of container #2 is missing: ECS requires a name for every container \("Container\.name should not be null or empty"\)/,
          underlined: '{',
          range: NEW_BRACE,
          schemaCovered: true,
          fixes: null,
        },
        {
          message:
            /The image of container #2 is missing: ECS requires the image to run \("Container\.image should not be null or empty"\)/,
          underlined: '{',
          range: NEW_BRACE,
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'an empty name and a null image are reported on their values, saying "empty" and "null"',
      document: typed('{ "name": "", "image": null }'),
      findings: [
        {
          message: /^The name of container #2 is empty:/,
          underlined: '""',
          schemaCovered: true,
          fixes: null,
        },
        {
          message: /^The image of container #2 is null:/,
          underlined: 'null',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a named worker without an image: the finding points at the name',
      document: typed('{ "name": "worker", "command": ["node", "worker.js"] }'),
      findings: [
        {
          message: /^The image of worker is missing/,
          underlined: '"worker"',
          container: 'worker',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a whitespace-only image is empty',
      document: typed('{ "name": "worker", "image": "  " }'),
      findings: [
        {
          message: /^The image of worker is empty/,
          underlined: '"  "',
          container: 'worker',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a missing family is a warning on the task object: a command may supply it, the deploy action and ecspresso need it in the file',
      document: NO_FAMILY,
      findings: [
        {
          message: [
            /^The task definition family is missing: register-task-definition needs one/,
            /aws ecs register-task-definition --family …, which overrides the file's/,
            /the GitHub deploy action \(aws-actions\/amazon-ecs-deploy-task-definition\) and ecspresso register the file as it is: they need it in the file\.$/,
          ],
          underlined: '{',
          line: 1,
          severity: 'warning',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'the file a CI script registers with `register-task-definition --family` (rdingwell/sandbox-manager-ui), without the family it does not need there',
      document: edit(CLI_FAMILY_OVERRIDE, '  "family": "sandbox-manager-test",\n', ''),
      findings: [
        {
          message: /^The task definition family is missing/,
          underlined: '{',
          line: 1,
          severity: 'warning',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'an empty family is reported on its value',
      document: edit(
        NO_FAMILY,
        '{\n  "containerDefinitions"',
        '{\n  "family": "",\n  "containerDefinitions"',
      ),
      findings: [
        {
          message: /^The task definition family is empty/,
          underlined: '""',
          severity: 'warning',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'an empty containerDefinitions',
      document: EMPTY_LIST,
      findings: [
        {
          message:
            /containerDefinitions is empty: ECS requires at least one container definition \("Container list cannot be empty"\)/,
          underlined: '[]',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a null containerDefinitions',
      document: edit(EMPTY_LIST, '[]', 'null'),
      findings: [
        {
          message: /containerDefinitions is null/,
          underlined: 'null',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
  ],
});
