import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const TYPO = fixture('volumes-from-unknown-container/nginx-mounts-misspelt-wordpress.json');
/** TYPO with nginx mounting the volumes of the given container. */
const mountsFrom = (name: string) => edit(TYPO, '"wordpres"', name);
const ITSELF = mountsFrom('"nginx"');

ruleTester('volumes-from-unknown-container', {
  severity: 'error',
  valid: [
    { name: 'nginx mounts the volumes of wordpress', document: mountsFrom('"wordpress"') },
    { name: 'a placeholder sourceContainer', document: mountsFrom('"${DATA_CONTAINER}"') },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'nginx mounts the PHP files of a misspelt wordpress: the fix replaces the name',
      document: TYPO,
      findings: [
        {
          message: [
            /nginx mounts the volumes of "wordpres", but no container has that name/,
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
          message: /nginx mounts the volumes of "data", but no container has that name/,
          messageExcludes: /Did you mean/,
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
          message: [/nginx mounts the volumes of itself/, /which ECS therefore creates first/],
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
          message: /has an empty sourceContainer/,
          underlined: '""',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
  ],
});
