import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { intendedShellLine } from '../../../server/src/engine/rules/healthcheck-command-shape';
import { ruleById } from '../../../server/src/engine/rules/index';
import { REAL_WORLD_CORRECT, applyFix, findingsOf, onlyFinding, underlined } from './helpers';

const ID = 'healthcheck-command-shape';

const withCommand = (command: string) => `{
  "family": "accounts",
  "containerDefinitions": [
    {
      "name": "accounts",
      "image": "shop/accounts:6.0.4",
      "healthCheck": {
        "command": ${command},
        "interval": 30
      }
    }
  ]
}
`;

describe(ID, () => {
  test('fires on a shell line in one string, underlining the string', () => {
    const text = withCommand('["curl -f http://localhost:8080/health || exit 1"]');
    const f = onlyFinding(ID, text);
    assert.equal(f.severity, 'warning');
    assert.equal(underlined(text, f.range), '"curl -f http://localhost:8080/health || exit 1"');
    assert.equal(f.container, 'accounts');
    assert.match(f.message, /is one string that does not start with CMD or CMD-SHELL/);
    assert.match(
      f.message,
      /the whole string "curl -f http:\/\/localhost:8080\/health \|\| exit 1" is the name of one executable/,
    );
    assert.match(f.message, /"CMD-SHELL, <line>" form becomes \["CMD-SHELL", "<line>"\] in JSON/);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.isPreferred, x.safe]),
      [['Change to ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]', true, true]],
    );
    assert.equal(
      applyFix(text, f),
      withCommand('["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]'),
    );
  });

  test('the console form pasted into one string is split at its comma; the title names the string it replaces', () => {
    const text = withCommand('["CMD-SHELL, curl -f http://localhost/ || exit 1"]');
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [
        [
          'Change "CMD-SHELL, curl -f http://localhost/ || exit 1" to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
          true,
        ],
      ],
    );
    assert.equal(
      applyFix(text, f),
      withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
    );
  });

  test('a shell path pasted in front is dropped, so that fix is not applied by --fix', () => {
    const text = withCommand('["/bin/bash, curl -f http://localhost/ || exit 1"]');
    const f = onlyFinding(ID, text);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.safe]),
      [
        [
          'Change "/bin/bash, curl -f http://localhost/ || exit 1" to ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
          false,
        ],
      ],
    );
    assert.equal(
      applyFix(text, f),
      withCommand('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
    );
    assert.equal(fixAll(text, { rules: [ruleById(ID)!] }).text, text);
  });

  test('intendedShellLine', () => {
    assert.deepEqual(intendedShellLine(['sh -c "pgrep nginx"']), {
      line: 'sh -c "pgrep nginx"',
      dropsWords: false,
    });
    assert.deepEqual(intendedShellLine(['/bin/sh, -c, wget -q -O- localhost:80']), {
      line: 'wget -q -O- localhost:80',
      dropsWords: true,
    });
    assert.deepEqual(intendedShellLine(['CMD curl -f http://x/']), {
      line: 'curl -f http://x/',
      dropsWords: false,
    });
    assert.equal(intendedShellLine(['/healthcheck']), undefined);
    assert.equal(intendedShellLine(['CMD-SHELL', 'curl -f http://x/']), undefined);
    assert.equal(intendedShellLine(['${HEALTHCHECK}']), undefined);
  });

  describe('does not fire', () => {
    for (const command of [
      '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
      '["CMD", "curl", "-f", "http://localhost/"]',
      '["/usr/local/bin/healthcheck"]',
      '["curl", "-f", "http://localhost/"]',
      '[""]',
      '["{{ .Values.healthcheck }}"]',
    ]) {
      test(command, () => assert.deepEqual(findingsOf(ID, withCommand(command)), []));
    }
    for (const [name, text] of Object.entries(REAL_WORLD_CORRECT))
      test(name, () => assert.deepEqual(findingsOf(ID, text), []));
  });
});
