import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImage } from '../../../server/src/engine/rules/image-latest-tag';
import { GOOD_FIXTURES, REAL_WORLD_CORRECT, silentCases } from './helpers';
import { edit, ruleTester, validCases, type ValidCase } from './ruleTester';

/** A one-container task with the given image: small and inline, the image is what each case is about. */
function withImage(image: string): string {
  return `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": ${JSON.stringify(image)},
      "essential": true
    }
  ]
}
`;
}

const pinned = (name: string, image: string): ValidCase => ({ name, document: withImage(image) });

ruleTester('image-latest-tag', {
  severity: 'hint',
  valid: [
    pinned('a version tag (nginx:1.27.2-alpine)', 'nginx:1.27.2-alpine'),
    pinned('a registry with a port and a tag', 'localhost:5000/shop/app:2.1'),
    pinned(
      'an ECR image pinned by digest',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api@sha256:4c1e2a5f0b3d6e8a9c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a',
    ),
    pinned(
      'latest pinned by a digest (nginx:latest@sha256:…)',
      'nginx:latest@sha256:4c1e2a5f0b3d6e8a9c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a',
    ),
    pinned('a tag that only starts with LATEST', 'shop/app:LATEST-build'),
    pinned('a placeholder for the whole image', '${APP_IMAGE}'),
    pinned(
      'a placeholder for the tag (a CI commit SHA)',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:${GIT_SHA}',
    ),
    pinned('a Helm template for the image', '{{ .Values.image }}'),
    pinned('an empty image (missing-required-field reports it)', ''),
    pinned('a fill-in-the-blank from a README (<your image here>)', '<your image here>'),
    pinned('a Helm template cut short ({{ .Values.image)', '{{ .Values.image'),
    pinned('a Terraform reference not closed yet (${repository_url)', '${repository_url'),
    pinned('words where the image goes', 'my app image'),
    pinned('a CodePipeline placeholder with a dot (<IMAGE1.NAME>)', '<IMAGE1.NAME>'),
    ...validCases(silentCases('image-latest-tag', { ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES })),
  ],
  invalid: [
    {
      name: 'nginx without a tag: a hint on the image, without a fix or a tag',
      document: withImage('nginx'),
      findings: [
        {
          message: [
            /The image of web "nginx" has no tag, so ECS pulls its latest tag: which image runs depends on when it is deployed/,
            /For a service, ECS resolves the tag to a digest once per deployment \(on Fargate platform version 1\.4\.0 or later, or ECS agent 1\.70\.0 or later, unless the container sets "versionConsistency": "disabled"\), and each task started with run-task resolves it again\./,
            /Pin a version tag \(e\.g\. :1\.4\.2\) or a digest \(@sha256:…\)/,
          ],
          underlined: '"nginx"',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'nginx:latest with "versionConsistency": "disabled": every task start resolves the tag',
      document: edit(
        withImage('nginx:latest'),
        '"essential": true',
        '"essential": true,\n      "versionConsistency": "disabled"',
      ),
      findings: [
        {
          message:
            /This container sets "versionConsistency": "disabled", so ECS resolves the tag each time a task starts, and even the tasks of one service deployment can run different images\./,
          messageExcludes: /once per deployment/,
          underlined: '"nginx:latest"',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'the AWS CLI image at :latest',
      document: withImage('public.ecr.aws/aws-cli/aws-cli:latest'),
      findings: [
        {
          message: /"public\.ecr\.aws\/aws-cli\/aws-cli:latest" uses the latest tag/,
          underlined: '"public.ecr.aws/aws-cli/aws-cli:latest"',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'a registry port is not a tag: localhost:5000/shop/app has no tag',
      document: withImage('localhost:5000/shop/app'),
      findings: [
        {
          message: /"localhost:5000\/shop\/app" has no tag/,
          underlined: '"localhost:5000/shop/app"',
          container: 'web',
          fixes: null,
        },
      ],
    },
  ],
});

test('image-latest-tag: a registry port is not a tag', () => {
  assert.deepEqual(parseImage('localhost:5000/shop/app'), { digest: false, tag: undefined });
  assert.deepEqual(parseImage('localhost:5000/shop/app:2.1'), { digest: false, tag: '2.1' });
});
