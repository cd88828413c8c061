import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const BRIDGE = fixture('links-unknown-container/nginx-links-misspelt-php-fpm-and-memcached.json');
/** Two workers whose names are both one letter from the link. */
const TWO_WORKERS = `[
  { "name": "worker1", "image": "shop/worker:2.1" },
  { "name": "worker2", "image": "shop/worker:2.1" },
  { "name": "web", "image": "shop/web:2.1", "links": ["worker"] }
]
`;

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
    {
      name: 'a link to a sidecar a Terraform module adds (the container list holds a placeholder)',
      document: `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "shop/web:1.4.2", "memory": 512, "links": ["metrics"] },
    "\${sidecar_definitions}"
  ]
}`,
    },
    {
      name: 'a number among the links (the JSON schema reports its type)',
      document: `[{ "name": "web", "image": "nginx:1.27", "links": [8080] }]`,
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
            /nginx links to "memcached", but no container of this task definition has that name: a link names another container of the same task, and the ECS agent refuses the whole task before any container starts \("could not find container for link memcached"\)\.$/,
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
    {
      name: 'an entry of blanks is empty too',
      document: `[{ "name": "web", "image": "nginx:1.27", "links": ["  "] }]`,
      findings: [
        {
          message: /This links entry of web is empty/,
          underlined: '"  "',
          container: 'web',
          fixes: null,
        },
      ],
    },
    {
      name: 'two workers are one letter away: both suggested, neither fix preferred nor applied by --fix',
      document: TWO_WORKERS,
      findings: [
        {
          message: /web links to "worker", but .* Did you mean "worker1" or "worker2"\?$/,
          underlined: '"worker"',
          container: 'web',
          fixes: [
            {
              title: 'Change "worker" to "worker1"',
              output: edit(TWO_WORKERS, '["worker"]', '["worker1"]'),
            },
            {
              title: 'Change "worker" to "worker2"',
              output: edit(TWO_WORKERS, '["worker"]', '["worker2"]'),
            },
          ],
        },
      ],
    },
    {
      name: "a link close to the container's own name: the container itself is not suggested",
      document: `[
  { "name": "php-fpm", "image": "shop/php-fpm:8.3.12", "links": ["php_fpm"] },
  { "name": "nginx", "image": "nginx:1.27-alpine" }
]`,
      findings: [
        {
          message:
            /php-fpm links to "php_fpm", but no container of this task definition has that name/,
          messageExcludes: /Did you mean/,
          underlined: '"php_fpm"',
          container: 'php-fpm',
          fixes: null,
        },
      ],
    },
    {
      name: 'a container without a name links to a misspelt one: the suggestion still comes',
      document: `[
  { "image": "nginx:1.27-alpine", "links": ["php_fpm"] },
  { "name": "php-fpm", "image": "shop/php-fpm:8.3.12" }
]`,
      findings: [
        {
          message: /container #1 links to "php_fpm", .* Did you mean "php-fpm"\?$/,
          underlined: '"php_fpm"',
          fixes: [
            {
              title: 'Change "php_fpm" to "php-fpm"',
              preferred: true,
              safe: true,
              output: `[
  { "image": "nginx:1.27-alpine", "links": ["php-fpm"] },
  { "name": "php-fpm", "image": "shop/php-fpm:8.3.12" }
]`,
            },
          ],
        },
      ],
    },
  ],
});
