import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'healthcheck-command';

const NO_COMMAND = `{
  "family": "search",
  "containerDefinitions": [
    {
      "name": "proxy",
      "image": "shop/search-proxy:1.9.2",
      "portMappings": [{ "containerPort": 9200 }],
      "healthCheck": {
        "interval": 30,
        "retries": 3
      }
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a healthCheck without command, underlining the healthCheck', () => {
    const f = onlyFinding(ID, NO_COMMAND);
    assert.equal(f.severity, 'error');
    assert.equal(
      underlined(NO_COMMAND, f.range),
      '{\n        "interval": 30,\n        "retries": 3\n      }',
    );
    assert.equal(f.container, 'proxy');
    assert.match(f.message, /The healthCheck of proxy has no command: ECS requires one/);
    assert.match(f.message, /interval, timeout, retries and startPeriod apply only to a command/);
  });

  test('fix (offered, not applied by --fix): adds an HTTP probe of the container port', () => {
    const f = onlyFinding(ID, NO_COMMAND);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [
        [
          'Use ["CMD-SHELL", "curl -f http://localhost:9200/ || exit 1"] (edit the command)',
          false,
          false,
        ],
      ],
    );
    assert.equal(
      applyFix(NO_COMMAND, f),
      NO_COMMAND.replace(
        '"retries": 3\n',
        '"retries": 3,\n        "command": ["CMD-SHELL", "curl -f http://localhost:9200/ || exit 1"]\n',
      ),
    );
  });

  test('fires on an empty command: [], [""], ["CMD-SHELL", ""], ["CMD"]', () => {
    for (const command of [
      '[]',
      '[""]',
      '["CMD-SHELL", ""]',
      '["CMD"]',
      '["CMD-SHELL", "  "]',
      '["CMD-SHELL,"]',
    ]) {
      const text = `{ "containerDefinitions": [{ "name": "api", "image": "x", "healthCheck": { "command": ${command}, "interval": 30 } }] }`;
      const f = onlyFinding(ID, text);
      assert.equal(underlined(text, f.range), command);
      assert.match(f.message, /The healthCheck of api has an empty command/);
      assert.equal(
        applyFix(text, f),
        text.replace(command, '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
      );
    }
  });

  describe('does not fire', () => {
    test('on a whole-command placeholder, a null healthCheck or an ordinary command', () => {
      for (const hc of [
        '{ "command": "$$$HEALTHCHECK$$$" }',
        'null',
        '{ "command": ["CMD", "/bin/health"] }',
        '{ "command": ["/healthcheck"] }',
      ]) {
        assert.deepEqual(
          findingsOf(
            ID,
            `{ "containerDefinitions": [{ "name": "api", "image": "x", "healthCheck": ${hc} }] }`,
          ),
          [],
        );
      }
    });
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
