import { CORRECT_FIXTURES } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

/** A 4-space file whose init container leaves `essential` out, with a comment after its image. */
const DEFAULT_ESSENTIAL = fixture(
  'completion-condition-on-essential/fetch-config-essential-by-default-4-spaces.json',
);
/** The shape of boto3 issue #2436: COMPLETE on an essential sidecar that is no init container. */
const EXPLICIT_ESSENTIAL = fixture(
  'completion-condition-on-essential/appmesh-gateway-complete-on-essential-envoy.json',
);
const ONLY_ESSENTIAL = `{
  "family": "batch",
  "containerDefinitions": [
    { "name": "prepare", "image": "busybox:1.36", "command": ["sh", "-c", "mkdir -p /work/in"] },
    { "name": "job", "image": "shop/job:1", "essential": false, "dependsOn": [{ "containerName": "prepare", "condition": "SUCCESS" }] }
  ]
}
`;

ruleTester('completion-condition-on-essential', {
  severity: 'error',
  valid: [
    {
      name: 'COMPLETE on a non-essential sidecar',
      document: edit(EXPLICIT_ESSENTIAL, '"essential": true', '"essential": false'),
    },
    {
      // dependency-self reports a container that waits for itself, whatever the condition.
      name: 'an essential container that waits for its own SUCCESS',
      document: `{
  "family": "batch",
  "containerDefinitions": [
    { "name": "job", "image": "shop/job:1", "dependsOn": [{ "containerName": "job", "condition": "SUCCESS" }] }
  ]
}
`,
    },
    {
      name: 'START on an essential sidecar',
      document: edit(EXPLICIT_ESSENTIAL, '"COMPLETE"', '"START"'),
    },
    {
      name: 'a template placeholder for essential',
      document: edit(EXPLICIT_ESSENTIAL, '"essential": true', '"essential": "${ENVOY_ESSENTIAL}"'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      // The target is an init container and reports stays essential: safe for --fix.
      name: 'SUCCESS on an aws-cli init step that is essential by default: the fix inserts "essential": false after the image (4 spaces), the comment stays on the image line',
      document: DEFAULT_ESSENTIAL,
      findings: [
        {
          message: [
            /reports waits for fetch-config to exit \(SUCCESS\)/,
            /essential defaults to true when it is left out/,
            /ECS does not allow SUCCESS on an essential container/,
            /the whole task stops/,
          ],
          underlined: '"SUCCESS"',
          container: 'reports',
          related: [{ message: 'fetch-config is essential', underlined: '"fetch-config"' }],
          fixes: [
            {
              title: 'Make fetch-config non-essential ("essential": false)',
              preferred: true,
              safe: true,
              output: edit(
                DEFAULT_ESSENTIAL,
                '// pinned: 2.18 changed s3 sync output\n',
                '// pinned: 2.18 changed s3 sync output\n            "essential": false,\n',
              ),
            },
          ],
        },
      ],
    },
    {
      // envoy is not shaped like an init container: making it non-essential changes what the task is.
      name: 'COMPLETE on an explicitly essential Envoy sidecar (boto3 #2436): the fix replaces true, but is not applied automatically',
      document: EXPLICIT_ESSENTIAL,
      findings: [
        {
          message:
            /envoy is marked essential: ECS does not allow COMPLETE on an essential container/,
          underlined: '"COMPLETE"',
          container: 'app',
          related: [{ message: 'envoy is essential', underlined: 'true' }],
          fixes: [
            {
              title: 'Make envoy non-essential ("essential": false)',
              preferred: true,
              output: edit(EXPLICIT_ESSENTIAL, '"essential": true', '"essential": false'),
            },
          ],
        },
      ],
    },
    {
      // A task needs at least one essential container.
      name: 'SUCCESS on the only essential container of a batch task: the fix is not safe',
      document: ONLY_ESSENTIAL,
      findings: [
        {
          message: /job waits for prepare to exit \(SUCCESS\), but prepare is essential/,
          underlined: '"SUCCESS"',
          container: 'job',
          related: [{ message: 'prepare is essential', underlined: '"prepare"' }],
          fixes: [
            {
              title: 'Make prepare non-essential ("essential": false)',
              preferred: true,
              output: edit(
                ONLY_ESSENTIAL,
                '"mkdir -p /work/in"] },',
                '"mkdir -p /work/in"], "essential": false },',
              ),
            },
          ],
        },
      ],
    },
  ],
});
