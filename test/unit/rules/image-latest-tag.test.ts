import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseImage } from '../../../server/src/engine/rules/image-latest-tag';
import { REAL_WORLD_CORRECT, findingsOf, GOOD_FIXTURES, onlyFinding, underlined } from './helpers';

const ID = 'image-latest-tag';

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

describe(ID, () => {
  test('fires on an image without a tag: a hint on the image, without a fix or a tag', () => {
    const text = withImage('nginx');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'hint');
    assert.equal(underlined(text, f.range), '"nginx"');
    assert.equal(f.container, 'web');
    assert.match(
      f.message,
      /The image of web "nginx" has no tag, so ECS pulls its latest tag: which image runs depends on when it is deployed/,
    );
    assert.match(f.message, /Pin a version tag \(e\.g\. :1\.4\.2\) or a digest \(@sha256:…\)/);
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(f.tags, []);
  });

  test('fires on :latest', () => {
    const f = onlyFinding(ID, withImage('public.ecr.aws/aws-cli/aws-cli:latest'));
    assert.match(f.message, /"public\.ecr\.aws\/aws-cli\/aws-cli:latest" uses the latest tag/);
  });

  test('a registry port is not a tag: localhost:5000/app has no tag', () => {
    const f = onlyFinding(ID, withImage('localhost:5000/shop/app'));
    assert.match(f.message, /"localhost:5000\/shop\/app" has no tag/);
    assert.deepEqual(parseImage('localhost:5000/shop/app'), { digest: false, tag: undefined });
    assert.deepEqual(parseImage('localhost:5000/shop/app:2.1'), { digest: false, tag: '2.1' });
  });

  describe('does not fire', () => {
    for (const image of [
      'nginx:1.27.2-alpine',
      'localhost:5000/shop/app:2.1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api@sha256:4c1e2a5f0b3d6e8a9c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a',
      'nginx:latest@sha256:4c1e2a5f0b3d6e8a9c7b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a',
      'shop/app:LATEST-build',
      '${APP_IMAGE}',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:${GIT_SHA}',
      '{{ .Values.image }}',
      '',
    ]) {
      test(JSON.stringify(image), () => assert.deepEqual(findingsOf(ID, withImage(image)), []));
    }
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
