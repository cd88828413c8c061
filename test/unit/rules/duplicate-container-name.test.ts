import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const PASTED = fixture('duplicate-container-name/indexer-pasted-twice.json');
const SECOND_NAME =
  '"name": "indexer",\n      "image": "search/indexer:5.0.2",\n      "essential": false';
const THREE_WEBS = `[
  { "name": "web", "image": "nginx:1.27" },
  { "name": "web-2", "image": "nginx:1.27" },
  { "name": "web", "image": "nginx:1.27" },
  { "name": "web", "image": "nginx:1.27" }
]
`;

const NOT_UNIQUE = /Container names must be unique within a Task Definition/;
const WEB_FIRST_USED = { message: '"web" is first used here', underlined: '"web"', line: 2 };

ruleTester('duplicate-container-name', {
  severity: 'error',
  valid: [
    {
      name: 'the same template placeholder twice (each may render differently)',
      document: PASTED.replaceAll('"indexer",\n      "image"', '"${NAME}",\n      "image"'),
    },
    {
      name: 'two empty names (missing-required-field reports them)',
      document: PASTED.replaceAll('"name": "indexer"', '"name": ""'),
    },
    {
      name: 'names that differ only in case (no AWS text says they clash)',
      document: edit(PASTED, SECOND_NAME, SECOND_NAME.replace('"indexer"', '"Indexer"')),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a container pasted twice: the later one, the first related; the fix renames the duplicate only',
      document: PASTED,
      findings: [
        {
          message: [/Container #2 is named "indexer" like container #1/, NOT_UNIQUE],
          underlined: '"indexer"',
          line: 10,
          related: [{ message: '"indexer" is first used here', underlined: '"indexer"', line: 5 }],
          fixes: [
            {
              title: 'Rename this container to "indexer-2"',
              output: edit(PASTED, SECOND_NAME, SECOND_NAME.replace('"indexer"', '"indexer-2"')),
            },
          ],
        },
      ],
    },
    {
      name: 'three of a kind beside web-2: two findings, and the renames collide neither with each other nor with web-2',
      document: THREE_WEBS,
      findings: [
        {
          message: [/Container #3 is named "web" like container #1/, NOT_UNIQUE],
          underlined: '"web"',
          line: 4,
          related: [WEB_FIRST_USED],
          fixes: [
            {
              title: 'Rename this container to "web-3"',
              output: edit(
                THREE_WEBS,
                '"web-2", "image": "nginx:1.27" },\n  { "name": "web"',
                '"web-2", "image": "nginx:1.27" },\n  { "name": "web-3"',
              ),
            },
          ],
        },
        {
          message: [/Container #4 is named "web" like container #1/, NOT_UNIQUE],
          underlined: '"web"',
          line: 5,
          related: [WEB_FIRST_USED],
          fixes: [
            {
              title: 'Rename this container to "web-4"',
              output: edit(
                THREE_WEBS,
                '{ "name": "web", "image": "nginx:1.27" }\n]',
                '{ "name": "web-4", "image": "nginx:1.27" }\n]',
              ),
            },
          ],
        },
      ],
    },
  ],
});
