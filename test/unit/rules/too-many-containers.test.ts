import { REAL_WORLD_CORRECT } from './helpers';
import { ruleTester, validCases } from './ruleTester';

/** A task of n small sidecars, c1 … cn: generated, since the count is the point. */
const task = (n: number) => `{
  "family": "sidecar-zoo",
  "containerDefinitions": [
${Array.from({ length: n }, (_, i) => `    { "name": "c${i + 1}", "image": "shop/c:${i + 1}", "memoryReservation": 64 }`).join(',\n')}
  ]
}
`;

ruleTester('too-many-containers', {
  severity: 'error',
  valid: [{ name: 'exactly 10 containers', document: task(10) }, ...validCases(REAL_WORLD_CORRECT)],
  invalid: [
    {
      name: '12 sidecars: on the 11th container, the ones over the limit listed',
      document: task(12),
      findings: [
        {
          message: [
            /This task definition has 12 containers, but ECS allows at most 10 per task definition \(a fixed quota that cannot be raised\)/,
            /c11, c12 are over the limit/,
          ],
          underlined: '"c11"',
          container: 'c11',
          related: [{ message: 'c12 is over the limit', underlined: '"c12"' }],
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
    {
      name: 'a bare container array of 11',
      document: `[${Array.from({ length: 11 }, (_, i) => `{ "name": "c${i}", "image": "x" }`).join(', ')}]`,
      findings: [
        {
          message: [/This task definition has 11 containers/, /c10 is over the limit/],
          underlined: '"c10"',
          container: 'c10',
          schemaCovered: true,
          fixes: null,
        },
      ],
    },
  ],
});
