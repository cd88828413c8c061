import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const TYPO = fixture('volumes-from-unknown-container/nginx-mounts-misspelt-wordpress.json');
/** TYPO with nginx mounting the volumes of the given container. */
const mountsFrom = (name: string) => edit(TYPO, '"wordpres"', name);
const ITSELF = mountsFrom('"nginx"');
/** Two asset containers whose names are both one letter from the source nginx names. */
const TWO_ASSET_CONTAINERS = `[
  { "name": "assets1", "image": "shop/assets:3.2", "essential": false },
  { "name": "assets2", "image": "shop/assets:3.2", "essential": false },
  { "name": "nginx", "image": "nginx:1.27.2", "volumesFrom": [{ "sourceContainer": "assets" }] }
]
`;
const UNNAMED = edit(TYPO, '"name": "nginx",\n      ', '');

ruleTester('volumes-from-unknown-container', {
  severity: 'error',
  valid: [
    { name: 'nginx mounts the volumes of wordpress', document: mountsFrom('"wordpress"') },
    { name: 'a placeholder sourceContainer', document: mountsFrom('"${DATA_CONTAINER}"') },
    {
      name: 'a sourceContainer built from a placeholder',
      document: mountsFrom('"${ENVIRONMENT}-wordpress"'),
    },
    {
      name: 'an entry without sourceContainer (the JSON schema reports it)',
      document: edit(TYPO, '"sourceContainer": "wordpres", ', ''),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'nginx mounts the PHP files of a misspelt wordpress: the fix replaces the name',
      document: TYPO,
      findings: [
        {
          message: [
            /nginx mounts the volumes of "wordpres", but no container has that name: volumesFrom must name another container of this task definition/,
            /the ECS agent refuses the whole task before any container starts \("could not find volume source container with name wordpres"\)\. Did you mean "wordpress"\?/,
          ],
          underlined: '"wordpres"',
          container: 'nginx',
          fixes: [
            {
              title: 'Change "wordpres" to "wordpress"',
              preferred: true,
              safe: true,
              output: mountsFrom('"wordpress"'),
            },
          ],
        },
      ],
    },
    {
      name: 'a name with no close match (data): no fix',
      document: mountsFrom('"data"'),
      findings: [
        {
          message:
            /nginx mounts the volumes of "data", but no container has that name: .*\("could not find volume source container with name data"\)\.$/,
          underlined: '"data"',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
    {
      name: 'nginx names itself: the fix removes the entry',
      document: ITSELF,
      findings: [
        {
          message: [
            /nginx mounts the volumes of itself: volumesFrom names another container of the task/,
            /which ECS therefore creates first/,
            /mount a task volume with mountPoints instead\.$/,
          ],
          underlined: '"nginx"',
          container: 'nginx',
          fixes: [
            {
              title: 'Remove the volumesFrom entry "nginx"',
              preferred: true,
              output: edit(
                ITSELF,
                '\n        { "sourceContainer": "nginx", "readOnly": true }\n      ',
                '',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty sourceContainer is reported without a fix',
      document: mountsFrom('""'),
      findings: [
        {
          message: /^A volumesFrom entry of nginx has an empty sourceContainer/,
          underlined: '""',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
    {
      name: 'a sourceContainer of blanks is empty too',
      document: mountsFrom('"  "'),
      findings: [
        {
          message: /^A volumesFrom entry of nginx has an empty sourceContainer/,
          underlined: '"  "',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
    {
      name: 'nginx misspells its own name: it is not suggested as its own source',
      document: mountsFrom('"ngnix"'),
      findings: [
        {
          message: /nginx mounts the volumes of "ngnix", but no container has that name/,
          messageExcludes: /Did you mean/,
          underlined: '"ngnix"',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
    {
      name: 'two asset containers are one letter away: both suggested, neither fix preferred nor applied by --fix',
      document: TWO_ASSET_CONTAINERS,
      findings: [
        {
          message:
            /nginx mounts the volumes of "assets", .* Did you mean "assets1" or "assets2"\?$/,
          underlined: '"assets"',
          container: 'nginx',
          fixes: [
            {
              title: 'Change "assets" to "assets1"',
              output: edit(
                TWO_ASSET_CONTAINERS,
                '"sourceContainer": "assets"',
                '"sourceContainer": "assets1"',
              ),
            },
            {
              title: 'Change "assets" to "assets2"',
              output: edit(
                TWO_ASSET_CONTAINERS,
                '"sourceContainer": "assets"',
                '"sourceContainer": "assets2"',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a container without a name mounts a misspelt wordpress: the suggestion still comes',
      document: UNNAMED,
      findings: [
        {
          message: /container #2 mounts the volumes of "wordpres", .* Did you mean "wordpress"\?$/,
          underlined: '"wordpres"',
          fixes: [
            {
              title: 'Change "wordpres" to "wordpress"',
              preferred: true,
              safe: true,
              output: edit(UNNAMED, '"wordpres"', '"wordpress"'),
            },
          ],
        },
      ],
    },
  ],
});
