import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const SPACED = fixture(
  'invalid-container-name/orders-api-with-a-space-and-references.schema-invalid.json',
);
const PHP_FPM = `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "php.fpm", "image": "shop/php-fpm:8.3.11", "memory": 256 },
    { "name": "nginx", "image": "nginx:1.27.2", "memory": 128, "links": ["php.fpm:fpm"] }
  ]
}
`;
const MESH = `{
  "family": "mesh",
  "proxyConfiguration": { "type": "APPMESH", "containerName": "envoy/proxy" },
  "containerDefinitions": [
    { "name": "envoy/proxy", "image": "840364872350.dkr.ecr.us-west-2.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod" }
  ]
}
`;
/**
 * A display name with parentheses as the container name, linked from the log shipper; the other
 * references (and a container not named yet) are to other containers and stay as they are.
 */
const DISPLAY_NAME = `{
  "family": "orders",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "Orders API (v2)", "image": "shop/orders:7.0.1", "memory": 512, "links": ["redis"] },
    { "name": "redis", "image": "redis:7.4.1", "memory": 256 },
    { "image": "busybox:1.36", "memory": 64, "essential": false },
    {
      "name": "log-shipper",
      "image": "fluent/fluent-bit:3.1.9",
      "memory": 64,
      "dependsOn": [{ "containerName": "redis", "condition": "START" }, { "condition": "START" }],
      "volumesFrom": [{ "sourceContainer": "redis" }, { "readOnly": true }],
      "links": ["Orders API (v2)"]
    }
  ]
}
`;
/** Two containers named php.fpm (a copy-paste): references cannot tell them apart. */
const TWO_FPM = `[
  { "name": "php.fpm", "image": "shop/php-fpm:8.3.11" },
  { "name": "php.fpm", "image": "shop/php-fpm:8.3.11" }
]
`;
const HYPHENS = `[\n  { "name": "- orders api -", "image": "shop/orders:7.0.1" }\n]\n`;
const LONG_NAME = 'a'.repeat(260);
const TOO_LONG = `[\n  { "name": "${LONG_NAME}", "image": "busybox:1.36" }\n]\n`;

const NOT_VALID = /is not a valid container name/;

ruleTester('invalid-container-name', {
  severity: 'error',
  valid: [
    {
      name: 'a name of letters, digits, hyphens and underscores',
      document: SPACED.replaceAll('orders api', 'Orders_API-2'),
    },
    {
      name: 'a template placeholder for the whole name',
      document: SPACED.replaceAll('orders api', '${APP}'),
    },
    {
      name: 'a template placeholder in part of the name',
      document: SPACED.replaceAll('orders api', 'orders-${ENV}'),
    },
    {
      name: 'a blank name (missing-required-field reports it)',
      document: edit(SPACED, '"name": "orders api"', '"name": "  "'),
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'a name with a space, named in dependsOn and volumesFrom: the fix renames it and every reference in one edit set',
      document: SPACED,
      findings: [
        {
          message: [
            /"orders api" is not a valid container name: it contains spaces\. ECS allows up to 255 letters, digits, hyphens \(-\) and underscores \(_\)/,
            /Container\.name contains invalid characters/,
          ],
          underlined: '"orders api"',
          container: 'orders api',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "orders api" to "orders-api" (and the 2 references to it)',
              preferred: true,
              safe: true,
              output: SPACED.replaceAll('"orders api"', '"orders-api"'),
            },
          ],
        },
      ],
    },
    {
      name: 'php.fpm behind an nginx link with an alias: the link is renamed too, but then the fix is not applied automatically',
      document: PHP_FPM,
      findings: [
        {
          message: [NOT_VALID, /it contains "\."/],
          underlined: '"php.fpm"',
          container: 'php.fpm',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "php.fpm" to "php-fpm" (and the reference to it)',
              preferred: true,
              output: edit(
                PHP_FPM,
                ['"name": "php.fpm"', '"name": "php-fpm"'],
                ['"links": ["php.fpm:fpm"]', '"links": ["php-fpm:fpm"]'],
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'envoy/proxy: the App Mesh proxyConfiguration containerName follows the rename',
      document: MESH,
      findings: [
        {
          message: [NOT_VALID, /it contains "\/"/],
          underlined: '"envoy/proxy"',
          container: 'envoy/proxy',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "envoy/proxy" to "envoy-proxy" (and the reference to it)',
              preferred: true,
              safe: true,
              output: MESH.replaceAll('"envoy/proxy"', '"envoy-proxy"'),
            },
          ],
        },
      ],
    },
    {
      name: 'a display name with spaces and parentheses: each character named once, runs become one hyphen, only the link to it follows',
      document: DISPLAY_NAME,
      findings: [
        {
          message:
            '"Orders API (v2)" is not a valid container name: it contains spaces, "(", ")". ECS allows up to 255 letters, digits, hyphens (-) and underscores (_), and rejects the task definition ("Container.name contains invalid characters").',
          underlined: '"Orders API (v2)"',
          container: 'Orders API (v2)',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "Orders API (v2)" to "Orders-API-v2" (and the reference to it)',
              preferred: true,
              safe: true,
              output: DISPLAY_NAME.replaceAll('"Orders API (v2)"', '"Orders-API-v2"'),
            },
          ],
        },
      ],
    },
    {
      name: 'hyphens and spaces around a name: the repaired name neither starts nor ends with a hyphen',
      document: HYPHENS,
      findings: [
        {
          message: [NOT_VALID, /it contains spaces\./],
          underlined: '"- orders api -"',
          container: '- orders api -',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "- orders api -" to "orders-api"',
              preferred: true,
              safe: true,
              output: edit(HYPHENS, '- orders api -', 'orders-api'),
            },
          ],
        },
      ],
    },
    {
      name: 'two containers named php.fpm: the first rename is not applied automatically, the second has none (php-fpm is then taken)',
      document: TWO_FPM,
      findings: [
        {
          message: [NOT_VALID, /it contains "\."/],
          underlined: '"php.fpm"',
          line: 2,
          container: 'php.fpm',
          schemaCovered: true,
          fixes: [
            {
              title: 'Rename "php.fpm" to "php-fpm"',
              preferred: true,
              output: edit(
                TWO_FPM,
                '{ "name": "php.fpm", "image": "shop/php-fpm:8.3.11" },',
                '{ "name": "php-fpm", "image": "shop/php-fpm:8.3.11" },',
              ),
            },
          ],
        },
        {
          message: [NOT_VALID, /it contains "\."/],
          underlined: '"php.fpm"',
          line: 3,
          container: 'php.fpm',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a name longer than 255 characters: reported with its length, fixed by shortening',
      document: TOO_LONG,
      findings: [
        {
          message: [NOT_VALID, /it is 260 characters long/],
          underlined: `"${LONG_NAME}"`,
          container: LONG_NAME,
          schemaCovered: true,
          fixes: [
            {
              title: `Rename "${LONG_NAME}" to "${'a'.repeat(255)}"`,
              preferred: true,
              safe: true,
              output: edit(TOO_LONG, LONG_NAME, 'a'.repeat(255)),
            },
          ],
        },
      ],
    },
    {
      name: 'no fix when the repaired name (orders-api) is already taken',
      document: `[
  { "name": "orders-api", "image": "shop/orders:7.0.1" },
  { "name": "orders api", "image": "shop/orders:7.0.1" }
]
`,
      findings: [
        {
          message: [NOT_VALID, /it contains spaces/],
          underlined: '"orders api"',
          container: 'orders api',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
  ],
});
