import { CORRECT_FIXTURES } from './helpers';
import { crlf, edit, fixture, ruleTester, validCases } from './ruleTester';

const INIT = fixture('entrypoint-overrides-shell/aws-cli-init-with-sh-c-in-command.json');
const S3_SYNC = crlf(fixture('entrypoint-overrides-shell/s3-sync-multi-line-bash-c-tabs.jsonc'));
const COMMAND = `["sh", "-c", "aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`;
const ONE_STRING = edit(
  INIT,
  COMMAND,
  `["sh -c 'aws s3 cp s3://my-bucket/config.yaml /app/config.yaml'"]`,
);
const DIGEST = edit(
  INIT,
  'amazon/aws-cli:latest',
  'amazon/aws-cli@sha256:4b2f4c7bd0a1b5e3d6c2ce5ab8d0e13c4a1f06f26b1c1f3e2a9b8d7c6e5f4a3b',
);
const CURL = `{
  "family": "fetch",
  "containerDefinitions": [
    { "name": "fetch-config", "image": "curlimages/curl:8.10.1", "essential": false, "command": ["/bin/sh", "-c", "curl -fsS -o /config/app.json http://config.internal/app.json"] },
    { "name": "app", "image": "shop/app:1" }
  ]
}
`;
const TERRAFORM = `{
  "family": "infra",
  "containerDefinitions": [
    { "name": "plan", "image": "hashicorp/terraform:1.9.8", "essential": false, "command": ["/bin/sh", "-c", "terraform init && terraform plan"] },
    { "name": "app", "image": "shop/app:1" }
  ]
}
`;

/** A one-line terraform container with the given command; the log router has no image yet. */
const oneLine = (command: string) => `{
  "family": "infra",
  "containerDefinitions": [
    { "name": "plan", "image": "hashicorp/terraform:1.9.8", "essential": false, "command": ${command} },
    { "name": "app", "image": "shop/app:1" },
    { "name": "log-router", "essential": false }
  ]
}
`;
const TERRAFORM_RELATED = {
  message: 'hashicorp/terraform:1.9.8: ENTRYPOINT is `terraform`',
  underlined: '"hashicorp/terraform:1.9.8"',
};
/** Shells by name and by path, each given with -c: the fix moves them into entryPoint. */
const SHELLS = [
  'ash',
  'zsh',
  'dash',
  '/bin/bash',
  '/bin/ash',
  '/bin/zsh',
  '/bin/dash',
  '/usr/bin/bash',
];
const SCRIPT = `["bash", "/scripts/plan.sh", "--verbose"]`;
const COMMAND_FIRST = `{
  "family": "setup",
  "containerDefinitions": [
    { "command": ["sh", "-c", "aws s3 ls"], "name": "init", "image": "amazon/aws-cli:2.17.20", "essential": false },
    { "name": "app", "image": "shop/app:1" }
  ]
}
`;

const AWS_CLI_RELATED = {
  message: 'amazon/aws-cli:latest: ENTRYPOINT is `aws`',
  underlined: '"amazon/aws-cli:latest"',
};
/** The fix in INIT and its variants: "sh", "-c" go into entryPoint just before command. */
const SHELL_IN_ENTRYPOINT = `"entryPoint": ["sh", "-c"],
      "command": ["aws s3 cp s3://my-bucket/config.yaml /app/config.yaml && echo 'Setup complete'"]`;

ruleTester('entrypoint-overrides-shell', {
  severity: 'warning',
  valid: [
    {
      name: 'the shell is already in entryPoint',
      document: edit(
        INIT,
        '"command": ["sh", "-c", ',
        '"entryPoint": ["sh", "-c"],\n      "command": [',
      ),
    },
    {
      name: 'the command is aws arguments (s3 cp …)',
      document: edit(
        INIT,
        COMMAND,
        '["s3", "cp", "s3://my-bucket/config.yaml", "/app/config.yaml"]',
      ),
    },
    {
      name: 'a template placeholder for the image',
      document: edit(INIT, 'amazon/aws-cli:latest', '${INIT_IMAGE}'),
    },
    {
      name: 'an image whose ENTRYPOINT is a shell (alpine)',
      document: edit(INIT, 'amazon/aws-cli:latest', 'alpine:3.20'),
    },
    {
      name: 'curlimages/curl with /bin/sh -c: its entrypoint script runs a command found on the PATH (exec "$@")',
      document: CURL,
    },
    {
      name: 'curlimages/curl with sh -c',
      document: edit(CURL, '"/bin/sh", "-c", ', '"sh", "-c", '),
    },
    {
      name: 'an empty command (the image runs its default)',
      document: oneLine('[]'),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'sh -c given to amazon/aws-cli: "sh", "-c" move into entryPoint just before command, the script stays in command',
      document: INIT,
      findings: [
        {
          message: [
            /amazon\/aws-cli:latest has ENTRYPOINT `aws`/,
            /this runs `aws sh -c …`, not a shell/,
            /Put the shell in "entryPoint" \(\["sh", "-c"\]\)/,
          ],
          underlined: COMMAND,
          container: 'init-setup',
          related: [AWS_CLI_RELATED],
          fixes: [
            {
              title: 'Move "sh", "-c" into entryPoint of init-setup',
              preferred: true,
              safe: true,
              output: edit(INIT, `"command": ${COMMAND}`, SHELL_IN_ENTRYPOINT),
            },
          ],
        },
      ],
    },
    {
      name: 'a multi-line bash -c command in a tab-indented CRLF file, a comment on the line before',
      document: S3_SYNC,
      findings: [
        {
          message: /runs `aws bash -c …`/,
          underlined:
            '[\r\n\t\t\t\t"bash",\r\n\t\t\t\t"-c",\r\n\t\t\t\t"aws s3 sync s3://assets/v2 /assets --delete"\r\n\t\t\t]',
          container: 's3-sync',
          related: [
            {
              message: 'public.ecr.aws/aws-cli/aws-cli:2.17.0: ENTRYPOINT is `aws`',
              underlined: '"public.ecr.aws/aws-cli/aws-cli:2.17.0"',
            },
          ],
          fixes: [
            {
              title: 'Move "bash", "-c" into entryPoint of s3-sync',
              preferred: true,
              safe: true,
              output: edit(
                S3_SYNC,
                [
                  '"essential": false,\r\n',
                  '"essential": false,\r\n\t\t\t"entryPoint": ["bash", "-c"],\r\n',
                ],
                ['\t\t\t\t"bash",\r\n\t\t\t\t"-c",\r\n', ''],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a one-string shell command ("sh -c \'…\'"): reported without a fix, the quoting is the user’s',
      document: ONE_STRING,
      findings: [
        {
          message: /\(\["sh", "-c"\]\)/,
          underlined: `["sh -c 'aws s3 cp s3://my-bucket/config.yaml /app/config.yaml'"]`,
          container: 'init-setup',
          related: [AWS_CLI_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: 'hashicorp/terraform (ENTRYPOINT terraform) with /bin/sh -c in a one-line container: entryPoint is appended',
      document: TERRAFORM,
      findings: [
        {
          message: /ENTRYPOINT `terraform`/,
          underlined: '["/bin/sh", "-c", "terraform init && terraform plan"]',
          container: 'plan',
          related: [
            {
              message: 'hashicorp/terraform:1.9.8: ENTRYPOINT is `terraform`',
              underlined: '"hashicorp/terraform:1.9.8"',
            },
          ],
          fixes: [
            {
              title: 'Move "/bin/sh", "-c" into entryPoint of plan',
              preferred: true,
              safe: true,
              output: edit(
                TERRAFORM,
                '"command": ["/bin/sh", "-c", "terraform init && terraform plan"] },',
                '"command": ["terraform init && terraform plan"], "entryPoint": ["/bin/sh", "-c"] },',
              ),
            },
          ],
        },
      ],
    },
    ...SHELLS.map((shell) => ({
      name: `${shell} -c given to hashicorp/terraform: moved into entryPoint`,
      document: oneLine(`["${shell}", "-c", "terraform plan"]`),
      findings: [
        {
          message: `hashicorp/terraform:1.9.8 has ENTRYPOINT \`terraform\`, and ECS passes "command" to it as arguments: this runs \`terraform ${shell} -c …\`, not a shell, so the command fails. Put the shell in "entryPoint" (["${shell}", "-c"]) and keep only the script in "command".`,
          underlined: `["${shell}", "-c", "terraform plan"]`,
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: [
            {
              title: `Move "${shell}", "-c" into entryPoint of plan`,
              preferred: true,
              safe: true,
              output: oneLine(`["terraform plan"], "entryPoint": ["${shell}", "-c"]`),
            },
          ],
        },
      ],
    })),
    {
      name: '/usr/bin/env bash -c: env and the shell it runs go into entryPoint, with -c',
      document: oneLine('["/usr/bin/env", "bash", "-c", "terraform plan"]'),
      findings: [
        {
          message:
            /this runs `terraform \/usr\/bin\/env bash …`, not a shell, so the command fails\. Put the shell in "entryPoint" \(\["\/usr\/bin\/env", "bash", "-c"\]\) and keep only the script in "command"\.$/,
          underlined: '["/usr/bin/env", "bash", "-c", "terraform plan"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: [
            {
              title: 'Move "/usr/bin/env", "bash", "-c" into entryPoint of plan',
              preferred: true,
              safe: true,
              output: oneLine('["terraform plan"], "entryPoint": ["/usr/bin/env", "bash", "-c"]'),
            },
          ],
        },
      ],
    },
    {
      name: '/usr/bin/env bash -c as one string: the same words suggested, without a fix',
      document: oneLine('["/usr/bin/env bash -c \'terraform plan\'"]'),
      findings: [
        {
          message: /Put the shell in "entryPoint" \(\["\/usr\/bin\/env", "bash", "-c"\]\)/,
          underlined: '["/usr/bin/env bash -c \'terraform plan\'"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: '/usr/bin/env python3 -c: no -c suggested for a program that is no shell, and no fix',
      document: oneLine('["/usr/bin/env", "python3", "-c", "print(1)"]'),
      findings: [
        {
          message: /Put the shell in "entryPoint" \(\["\/usr\/bin\/env", "python3"\]\)/,
          underlined: '["/usr/bin/env", "python3", "-c", "print(1)"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: 'one string with a space before it and two between words: the same words suggested',
      document: oneLine('[" /usr/bin/env  bash -c \'terraform plan\'"]'),
      findings: [
        {
          message: /Put the shell in "entryPoint" \(\["\/usr\/bin\/env", "bash", "-c"\]\)/,
          underlined: '[" /usr/bin/env  bash -c \'terraform plan\'"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: '/usr/bin/env running a program that is no shell: no -c suggested, no fix',
      document: oneLine('["/usr/bin/env", "python3", "/scripts/plan.py"]'),
      findings: [
        {
          message: /Put the shell in "entryPoint" \(\["\/usr\/bin\/env", "python3"\]\)/,
          underlined: '["/usr/bin/env", "python3", "/scripts/plan.py"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: 'a script run by bash without -c: reported, without a fix (nothing to move as it stands)',
      document: oneLine(SCRIPT),
      findings: [
        {
          message: /this runs `terraform bash \/scripts\/plan\.sh …`, not a shell/,
          underlined: SCRIPT,
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: 'sh -c with nothing after it: reported, without a fix (no script to keep in command)',
      document: oneLine('["sh", "-c"]'),
      findings: [
        {
          message: /this runs `terraform sh -c …`, not a shell/,
          underlined: '["sh", "-c"]',
          container: 'plan',
          related: [TERRAFORM_RELATED],
          fixes: null,
        },
      ],
    },
    {
      name: 'command written first in its container: entryPoint is appended',
      document: COMMAND_FIRST,
      findings: [
        {
          message: /amazon\/aws-cli:2\.17\.20 has ENTRYPOINT `aws`/,
          underlined: '["sh", "-c", "aws s3 ls"]',
          container: 'init',
          related: [
            {
              message: 'amazon/aws-cli:2.17.20: ENTRYPOINT is `aws`',
              underlined: '"amazon/aws-cli:2.17.20"',
            },
          ],
          fixes: [
            {
              title: 'Move "sh", "-c" into entryPoint of init',
              preferred: true,
              safe: true,
              output: edit(
                COMMAND_FIRST,
                ['["sh", "-c", "aws s3 ls"]', '["aws s3 ls"]'],
                ['"essential": false },', '"essential": false, "entryPoint": ["sh", "-c"] },'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the aws-cli image pinned by digest',
      document: DIGEST,
      findings: [
        {
          message: /amazon\/aws-cli@sha256:4b2f\w+ has ENTRYPOINT `aws`/,
          underlined: COMMAND,
          container: 'init-setup',
          related: [
            {
              message:
                'amazon/aws-cli@sha256:4b2f4c7bd0a1b5e3d6c2ce5ab8d0e13c4a1f06f26b1c1f3e2a9b8d7c6e5f4a3b: ENTRYPOINT is `aws`',
              underlined:
                '"amazon/aws-cli@sha256:4b2f4c7bd0a1b5e3d6c2ce5ab8d0e13c4a1f06f26b1c1f3e2a9b8d7c6e5f4a3b"',
            },
          ],
          fixes: [
            {
              title: 'Move "sh", "-c" into entryPoint of init-setup',
              preferred: true,
              safe: true,
              output: edit(DIGEST, `"command": ${COMMAND}`, SHELL_IN_ENTRYPOINT),
            },
          ],
        },
      ],
    },
  ],
});
