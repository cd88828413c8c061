import { REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases, type ValidCase } from './ruleTester';

/** An image resizer with the given memory and memoryReservation JSON values: small and inline. */
const withMemory = (memory: string, reservation: string) => `{
  "family": "image-resizer",
  "containerDefinitions": [
    {
      "name": "resizer",
      "image": "shop/image-resizer:0.14.2",
      "memory": ${memory},
      "memoryReservation": ${reservation},
      "essential": true
    }
  ]
}
`;

const fits = (memory: string, reservation: string): ValidCase => ({
  name: `memory ${memory}, memoryReservation ${reservation}`,
  document: withMemory(memory, reservation),
});
const EQUAL = withMemory('512', '512');

ruleTester('memory-reservation-exceeds-memory', {
  severity: 'error',
  valid: [
    fits('1024', '512'),
    fits('0', '0'),
    fits('0', '512'),
    fits('1024', '0'),
    fits('"${memory}"', '"${memory}"'),
    fits('null', '512'),
    fits('512', 'null'),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'an image resizer reserves 2048 MiB under a 1024 MiB hard limit: on the reservation, without a fix',
      document: withMemory('1024', '2048'),
      findings: [
        {
          message: [
            /resizer reserves 2048 MiB \(memoryReservation\) but its hard limit is 1024 MiB \(memory\)/,
            /AWS requires memory to be greater than memoryReservation/,
          ],
          underlined: '2048',
          container: 'resizer',
          related: [{ message: 'memory (hard limit): 1024 MiB', underlined: '1024' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'reservation equal to the hard limit: a hint, not an error (the soft limit does nothing); the fix removes memoryReservation',
      document: EQUAL,
      findings: [
        {
          message:
            /^resizer reserves 512 MiB \(memoryReservation\), the same as its hard limit \(memory\): the soft limit then does nothing\./,
          messageExcludes: /rejects/,
          severity: 'hint',
          tags: ['unnecessary'],
          underlined: '512',
          container: 'resizer',
          related: [{ message: 'memory (hard limit): 512 MiB', underlined: '512' }],
          fixes: [
            {
              title: 'Remove "memoryReservation"',
              preferred: true,
              output: edit(EQUAL, '      "memoryReservation": 512,\n', ''),
            },
          ],
        },
      ],
    },
  ],
});
