import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  REAL_WORLD_CORRECT,
  applyFix,
  findingsOf,
  GOOD_FIXTURES,
  onlyFinding,
  underlined,
} from './helpers';

const ID = 'awslogs-missing-option';

/** A task on the given launch type whose one container's logConfiguration is `config`. */
function task(launchType: 'FARGATE' | 'EC2', config: string): string {
  return `{
  "family": "billing",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["${launchType}"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    {
      "name": "billing",
      "image": "shop/billing:1.8.0",
      "logConfiguration": ${config}
    }
  ]
}
`;
}

const NO_PREFIX = `{
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/billing",
          "awslogs-region": "eu-west-1"
        }
      }`;

describe(ID, () => {
  test('Fargate without awslogs-stream-prefix: an info on the driver, the safe fix adds "ecs"', () => {
    const text = task('FARGATE', NO_PREFIX);
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'info');
    assert.equal(underlined(text, f.range), '"awslogs"');
    assert.equal(f.container, 'billing');
    assert.match(
      f.message,
      /billing logs with awslogs but its options have no "awslogs-stream-prefix", which AWS documents as required on Fargate\. On Fargate the stream prefix is required as well/,
    );
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Add "awslogs-stream-prefix": "ecs"', true, true]],
    );
    assert.equal(
      applyFix(text, f),
      task(
        'FARGATE',
        `{
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/billing",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "ecs"
        }
      }`,
      ),
    );
  });

  test('no options at all: each missing option is named; the fixes create the options object', () => {
    const text = task('FARGATE', '{\n        "logDriver": "awslogs"\n      }');
    const f = onlyFinding(ID, text);
    assert.match(f.message, /no "awslogs-group", "awslogs-region" or "awslogs-stream-prefix"/);
    assert.match(f.message, /Log driver awslogs requires options: awslogs-region, awslogs-group/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        ['Add "awslogs-stream-prefix": "ecs"', true, true],
        ['Add "awslogs-group": "/ecs/billing"', false, false],
        ['Add "awslogs-region" (fill in your Region)', false, false],
      ],
    );
    assert.equal(
      applyFix(text, f, 0),
      task(
        'FARGATE',
        '{\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-stream-prefix": "ecs"\n        }\n      }',
      ),
    );
    assert.equal(
      applyFix(text, f, 1),
      task(
        'FARGATE',
        '{\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-group": "/ecs/billing"\n        }\n      }',
      ),
    );
    assert.equal(
      applyFix(text, f, 2),
      task(
        'FARGATE',
        '{\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-region": "<region>"\n        }\n      }',
      ),
    );
  });

  test('"options": null (console exports) is replaced by the fix', () => {
    const text = task(
      'FARGATE',
      '{\n        "logDriver": "awslogs",\n        "options": null\n      }',
    );
    const f = onlyFinding(ID, text);
    assert.equal(
      applyFix(text, f, 0),
      task(
        'FARGATE',
        '{\n        "logDriver": "awslogs",\n        "options": {\n          "awslogs-stream-prefix": "ecs"\n        }\n      }',
      ),
    );
  });

  test('EC2: group and region only; an empty region counts as missing', () => {
    const text = task(
      'EC2',
      '{ "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/billing", "awslogs-region": "" } }',
    );
    const f = onlyFinding(ID, text);
    assert.match(f.message, /no "awslogs-region", which AWS documents as required\./);
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      ['Add "awslogs-region" (fill in your Region)'],
    );
    assert.equal(
      applyFix(text, f),
      text.replace('"awslogs-region": ""', '"awslogs-region": "<region>"'),
    );
  });

  describe('does not fire', () => {
    test('on EC2 without a stream prefix (AWS documents it as required on Fargate)', () => {
      assert.deepEqual(findingsOf(ID, task('EC2', NO_PREFIX)), []);
    });
    test('on placeholders for the options, or for the whole options object', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          task(
            'FARGATE',
            NO_PREFIX.replace('"eu-west-1"', '"${AWS_REGION}"').replace(
              '\n        }\n',
              ',\n          "awslogs-stream-prefix": "{{ prefix }}"\n        }\n',
            ),
          ),
        ),
        [],
      );
      assert.deepEqual(
        findingsOf(ID, task('FARGATE', '{ "logDriver": "awslogs", "options": "${LOG_OPTIONS}" }')),
        [],
      );
    });
    test('on other log drivers', () => {
      assert.deepEqual(
        findingsOf(
          ID,
          task(
            'FARGATE',
            '{ "logDriver": "awsfirelens", "options": { "Name": "cloudwatch_logs" } }',
          ),
        ),
        [],
      );
    });
    for (const [name, text] of Object.entries({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
