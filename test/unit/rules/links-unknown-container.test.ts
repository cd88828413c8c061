import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const BRIDGE = fixture('links-unknown-container/nginx-links-misspelt-php-fpm-and-memcached.json');

ruleTester('links-unknown-container', {
  severity: 'error',
  valid: [
    {
      name: 'links to placeholder names, or to a name equal to another placeholder reference',
      document: `[
  { "name": "\${app}", "image": "\${image}", "links": ["\${db_container}", "\${cache}:cache"] },
  { "name": "\${cache}", "image": "redis:7" }
]`,
    },
    {
      name: 'null links (console export)',
      document: `{ "containerDefinitions": [{ "name": "a", "image": "x", "links": null }] }`,
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'nginx links to a misspelt php-fpm (with an alias) and to a memcached that is not there: each entry underlined',
      document: BRIDGE,
      findings: [
        {
          message: [
            /nginx links to "php_fpm", but no container of this task definition has that name/,
            /the ECS agent refuses the whole task before any container starts \("could not find container for link php_fpm:fpm"\)\. Did you mean "php-fpm"\?/,
          ],
          underlined: '"php_fpm:fpm"',
          container: 'nginx',
          // One candidate: the fix replaces the name, keeps the alias, and is safe.
          fixes: [
            {
              title: 'Change "php_fpm:fpm" to "php-fpm:fpm"',
              preferred: true,
              safe: true,
              output: edit(BRIDGE, '"php_fpm:fpm"', '"php-fpm:fpm"'),
            },
          ],
        },
        {
          message:
            /nginx links to "memcached", but no container of this task definition has that name/,
          messageExcludes: /Did you mean/,
          underlined: '"memcached"',
          container: 'nginx',
          fixes: null,
        },
      ],
    },
    {
      name: 'an empty entry (a generated skeleton) gets one clear finding, no suggestion',
      document: `[{ "name": "", "image": "", "links": [""] }]`,
      findings: [
        {
          message: /This links entry of container #1 is empty/,
          underlined: '""',
          fixes: null,
        },
      ],
    },
    {
      name: 'a bare container array (links are container-level)',
      document: `[
  { "name": "app", "image": "shop/app:1.0", "links": ["db"] },
  { "name": "cache", "image": "redis:7" }
]`,
      findings: [
        {
          message: /app links to "db", but no container of this task definition has that name/,
          underlined: '"db"',
          container: 'app',
          fixes: null,
        },
      ],
    },
  ],
});
