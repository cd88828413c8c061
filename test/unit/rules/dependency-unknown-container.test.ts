import { CORRECT_FIXTURES } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const TYPO = fixture('dependency-unknown-container/log-shipper-misspelt-app-container.json');
const TWO_CLOSE = fixture(
  'dependency-unknown-container/scheduler-between-worker-a-and-worker-b.json',
);
const TERRAFORM = fixture('dependency-unknown-container/terraform-container-array-misspelt.json');

ruleTester('dependency-unknown-container', {
  severity: 'error',
  valid: [
    {
      name: 'a template placeholder for the container name',
      document: edit(TYPO, '"app-containr"', '"${UPSTREAM_CONTAINER}"'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'a log shipper waits for a misspelt app-container: the fix renames it to the close match',
      document: TYPO,
      findings: [
        {
          message: [
            /log-shipper waits for "app-containr", but no container has that name/,
            /ECS rejects the task definition/,
            /Did you mean "app-container"\?/,
          ],
          underlined: '"app-containr"',
          container: 'log-shipper',
          fixes: [
            {
              title: 'Change "app-containr" to "app-container"',
              preferred: true,
              safe: true,
              output: edit(TYPO, '"app-containr"', '"app-container"'),
            },
          ],
        },
      ],
    },
    {
      name: 'a name with no close match (redis) is reported without a fix',
      document: edit(TYPO, '"app-containr"', '"redis"'),
      findings: [
        {
          message:
            'log-shipper waits for "redis", but no container has that name, so ECS rejects the task definition.',
          underlined: '"redis"',
          container: 'log-shipper',
          fixes: null,
        },
      ],
    },
    {
      name: 'a worker waits for "workers": its own name is not offered; a container not named yet waits too',
      document: `{
  "family": "jobs",
  "containerDefinitions": [
    { "name": "worker", "image": "shop/worker:2.4.0", "dependsOn": [{ "containerName": "workers", "condition": "START" }] },
    { "name": "redis", "image": "redis:7.4.1" },
    { "image": "busybox:1.36", "dependsOn": [{ "containerName": "redis-cache", "condition": "START" }] }
  ]
}
`,
      findings: [
        {
          message:
            'worker waits for "workers", but no container has that name, so ECS rejects the task definition.',
          underlined: '"workers"',
          container: 'worker',
          fixes: null,
        },
        {
          message:
            'container #3 waits for "redis-cache", but no container has that name, so ECS rejects the task definition.',
          underlined: '"redis-cache"',
          fixes: null,
        },
      ],
    },
    {
      name: 'worker-c between worker-a and worker-b: both offered, neither preferred nor safe',
      document: TWO_CLOSE,
      findings: [
        {
          message: /Did you mean "worker-a" or "worker-b"\?/,
          underlined: '"worker-c"',
          container: 'scheduler',
          fixes: [
            {
              title: 'Change "worker-c" to "worker-a"',
              output: edit(TWO_CLOSE, '"containerName": "worker-c"', '"containerName": "worker-a"'),
            },
            {
              title: 'Change "worker-c" to "worker-b"',
              output: edit(TWO_CLOSE, '"containerName": "worker-c"', '"containerName": "worker-b"'),
            },
          ],
        },
      ],
    },
    {
      name: 'a missing, a numeric and an empty containerName are each reported where they are',
      document: fixture(
        'dependency-unknown-container/missing-number-and-empty-container-name.schema-invalid.json',
      ),
      findings: [
        {
          message:
            'This dependsOn entry of sidecar has no containerName: ECS requires the name of the container to wait for.',
          underlined: '{ "condition": "START" }',
          container: 'sidecar',
          fixes: null,
        },
        {
          message: /containerName must be a string/,
          underlined: '7',
          container: 'sidecar',
          fixes: null,
        },
        {
          message:
            'This dependsOn entry of sidecar has an empty containerName: name the container to wait for.',
          underlined: '""',
          container: 'sidecar',
          fixes: null,
        },
      ],
    },
    {
      name: 'a new worker waits for an empty containerName (missing-required-field leaves it to this rule)',
      document: edit(
        fixture('missing-required-field/new-empty-container-object.schema-invalid.json'),
        '{}',
        '{ "name": "worker", "image": "shop/worker:2.4.0", "dependsOn": [{ "containerName": "", "condition": "START" }] }',
      ),
      findings: [
        {
          message: /empty containerName/,
          underlined: '""',
          container: 'worker',
          fixes: null,
        },
      ],
    },
    {
      name: 'a bare container array (Terraform container_definitions) with a misspelt blue/green name',
      document: TERRAFORM,
      findings: [
        {
          message: /proxy waits for "api-gren", but no container has that name/,
          underlined: '"api-gren"',
          container: 'proxy',
          fixes: [
            {
              title: 'Change "api-gren" to "api-green"',
              preferred: true,
              safe: true,
              output: edit(TERRAFORM, '"api-gren"', '"api-green"'),
            },
          ],
        },
      ],
    },
  ],
});
