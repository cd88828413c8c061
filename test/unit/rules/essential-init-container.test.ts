import { CORRECT_FIXTURES, MIGRATION_SINGLE } from './helpers';
import { crlf, edit, example, fixture, ruleTester, validCases } from './ruleTester';

const SEED = example('seed-task-definition.json');
const FOUR_SPACES = fixture('essential-init-container/init-config-essential-4-spaces.json');
const TABS = fixture('essential-init-container/init-config-essential-tabs.json');
const TWO_SPACES = fixture('essential-init-container/init-config-essential.json');
const JSONC = fixture('essential-init-container/init-config-jsonc-trailing-commas.json');
const BLOCK_COMMENT = fixture(
  'essential-init-container/init-config-block-comment-after-last-property.json',
);
const MAIN_WAITS = fixture('essential-init-container/main-already-waits-with-start.json');
const TWO_MAINS = fixture('essential-init-container/db-migrate-before-api-and-worker.json');

const MARKED_ESSENTIAL = /init-config looks like an init container .* is marked "essential": true/;
const LEFT_OUT =
  /init-config looks like an init container .* is essential \(essential defaults to true when it is left out\)/;
const FIX_TITLE = 'Make init-config non-essential and make web wait for it (SUCCESS)';

/** The dependsOn entry the fix gives web, at the indentation of the given unit. */
const waitsForInitConfig = (unit: string, depth: number) => {
  const at = (n: number) => unit.repeat(depth + n);
  return `${at(0)}"dependsOn": [\n${at(1)}{\n${at(2)}"containerName": "init-config",\n${at(2)}"condition": "SUCCESS"\n${at(1)}}\n${at(0)}],\n`;
};

ruleTester('essential-init-container', {
  severity: 'warning',
  valid: [
    {
      name: 'a single-container migration task, which must stay essential',
      document: MIGRATION_SINGLE,
    },
    {
      name: 'the seed with the init container already waited for with SUCCESS (completion-condition-on-essential reports that)',
      document: edit(
        SEED,
        '"essential": true,\n      "command": ["python"',
        '"essential": true,\n      "dependsOn": [{ "containerName": "init-setup", "condition": "SUCCESS" }],\n      "command": ["python"',
      ),
    },
    {
      name: 'the seed with a template placeholder for essential',
      document: edit(
        SEED,
        '"essential": true,\n      "logConfiguration"',
        '"essential": "${INIT_ESSENTIAL}",\n      "logConfiguration"',
      ),
    },
    ...validCases(CORRECT_FIXTURES),
  ],
  invalid: [
    {
      name: 'the seed: an aws-cli init step marked essential; the fix makes it non-essential and app-container wait for it',
      document: SEED,
      findings: [
        {
          message: [
            /init-setup looks like an init container/,
            /is marked "essential": true/,
            /even with code 0, ECS stops the whole task, app-container included/,
            /wait for it with SUCCESS/,
          ],
          underlined: 'true',
          range: { start: { line: 7, character: 19 }, end: { line: 7, character: 23 } },
          container: 'init-setup',
          fixes: [
            {
              title: 'Make init-setup non-essential and make app-container wait for it (SUCCESS)',
              preferred: true,
              safe: true,
              output: edit(
                SEED,
                [
                  '"essential": true,\n      "logConfiguration"',
                  '"essential": false,\n      "logConfiguration"',
                ],
                [
                  '"essential": true,\n      "command": ["python"',
                  `"essential": true,
      "dependsOn": [
        {
          "containerName": "init-setup",
          "condition": "SUCCESS"
        }
      ],
      "command": ["python"`,
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a wget init step in a 4-space file: the new dependsOn is indented by 4',
      document: FOUR_SPACES,
      findings: [
        {
          message: MARKED_ESSENTIAL,
          underlined: 'true',
          container: 'init-config',
          fixes: [
            {
              title: FIX_TITLE,
              preferred: true,
              safe: true,
              output: edit(
                FOUR_SPACES,
                ['"essential": true', '"essential": false'],
                [
                  '            "image": "nginx:1.27",\n',
                  '            "image": "nginx:1.27",\n' + waitsForInitConfig('    ', 3),
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a wget init step in a tab-indented file: the new dependsOn is indented with tabs',
      document: TABS,
      findings: [
        {
          message: MARKED_ESSENTIAL,
          underlined: 'true',
          container: 'init-config',
          fixes: [
            {
              title: FIX_TITLE,
              preferred: true,
              safe: true,
              output: edit(
                TABS,
                ['"essential": true', '"essential": false'],
                [
                  '\t\t\t"image": "nginx:1.27",\n',
                  '\t\t\t"image": "nginx:1.27",\n' + waitsForInitConfig('\t', 3),
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a wget init step in a CRLF file: the fix writes CRLF line ends',
      document: crlf(TWO_SPACES),
      findings: [
        {
          message: MARKED_ESSENTIAL,
          underlined: 'true',
          range: { start: { line: 6, character: 19 }, end: { line: 6, character: 23 } },
          container: 'init-config',
          fixes: [
            {
              title: FIX_TITLE,
              preferred: true,
              safe: true,
              output: crlf(
                edit(
                  TWO_SPACES,
                  ['"essential": true', '"essential": false'],
                  [
                    '      "image": "nginx:1.27",\n',
                    '      "image": "nginx:1.27",\n' + waitsForInitConfig('  ', 3),
                  ],
                ),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'JSONC with essential left out: comments after the anchor property stay on their line, trailing commas are kept',
      document: JSONC,
      findings: [
        {
          message: LEFT_OUT,
          // essential is left out: the finding points at the container's name.
          underlined: '"init-config"',
          container: 'init-config',
          fixes: [
            {
              title: FIX_TITLE,
              preferred: true,
              safe: true,
              output: edit(
                JSONC,
                [
                  '"image": "busybox:1.36", // small, has wget\n',
                  '"image": "busybox:1.36", // small, has wget\n      "essential": false,\n',
                ],
                [
                  '      "image": "nginx:1.27", // serves the rendered config\n',
                  '      "image": "nginx:1.27", // serves the rendered config\n' +
                    waitsForInitConfig('  ', 3),
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a block comment after the last property of the main container: the comma goes before it',
      document: BLOCK_COMMENT,
      findings: [
        {
          message: LEFT_OUT,
          underlined: '"init-config"',
          container: 'init-config',
          fixes: [
            {
              title: FIX_TITLE,
              preferred: true,
              safe: true,
              output: edit(
                BLOCK_COMMENT,
                [
                  '"image": "busybox:1.36",\n',
                  '"image": "busybox:1.36",\n      "essential": false,\n',
                ],
                [
                  '      "image": "nginx:1.27" /* mainline */\n',
                  '      "image": "nginx:1.27", /* mainline */\n' +
                    waitsForInitConfig('  ', 3).replace(/,\n$/, '\n'),
                ],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the main container already waits with START: only essential changes, appended inside a one-line object',
      document: MAIN_WAITS,
      findings: [
        {
          message: LEFT_OUT,
          underlined: '"init-config"',
          container: 'init-config',
          fixes: [
            {
              title: 'Make init-config non-essential',
              preferred: true,
              safe: true,
              output: edit(
                MAIN_WAITS,
                '"mkdir -p /cache/web"] },',
                '"mkdir -p /cache/web"], "essential": false },',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a Rails db:migrate step before an api and a worker: every main container is made to wait',
      document: TWO_MAINS,
      findings: [
        {
          message: [/db-migrate looks like an init container/, /api, worker included/],
          underlined: '"db-migrate"',
          container: 'db-migrate',
          fixes: [
            {
              title: 'Make db-migrate non-essential and make api, worker wait for it (SUCCESS)',
              preferred: true,
              safe: true,
              output: edit(
                TWO_MAINS,
                ['"db:migrate"] },', '"db:migrate"], "essential": false },'],
                [
                  '"containerPort": 3000 }] },',
                  '"containerPort": 3000 }], "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }] },',
                ],
                [
                  '"command": ["bin/jobs"] }',
                  '"command": ["bin/jobs"], "dependsOn": [{ "containerName": "db-migrate", "condition": "SUCCESS" }] }',
                ],
              ),
            },
          ],
        },
      ],
    },
  ],
});
