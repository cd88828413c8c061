import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases, type ValidCase } from './ruleTester';

/**
 * A Fargate api task with the given cpu and memory JSON values ('' leaves the field out): small
 * and inline, since the two values are what each case is about.
 */
function task(cpu: string, memory: string): string {
  return `{
  "family": "api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],${cpu ? `\n  "cpu": ${cpu},` : ''}${memory ? `\n  "memory": ${memory},` : ''}
  "containerDefinitions": [
    { "name": "api", "image": "shop/api:1.0.0", "portMappings": [{ "containerPort": 8080 }] }
  ]
}
`;
}

const onEc2 = (text: string) => edit(text, '["FARGATE"]', '["EC2"]');
const pair = (cpu: string, memory: string): ValidCase => ({
  name: `cpu ${cpu} with memory ${memory}`,
  document: task(cpu, memory),
});

ruleTester('fargate-cpu-memory', {
  severity: 'error',
  valid: [
    // Valid pairs in every documented form.
    pair('"256"', '"512"'),
    pair('512', '4096'),
    pair('"0.25 vCPU"', '"0.5 GB"'),
    pair('"1 vcpu"', '"8GB"'),
    pair('"0.5vCPU"', '"1GB"'),
    pair('"16 vCPU"', '"32 GB"'),
    pair('" 1024 "', '"2048"'),
    pair('"4096"', '"30 GB"'),
    // 8 and 16 vCPU sizes step by 4 and 8 GB.
    pair('"8 vCPU"', '"20 GB"'),
    pair('16384', '40960'),
    // Placeholders, quoted or bare.
    pair('"${CPU}"', '"4096"'),
    pair('${cpu}', '${memory}'),
    pair('${c}', '${m}'),
    pair('${cpu}', '2048'),
    pair('"512"', '"${MEMORY}"'),
    pair('"${VCPUS} vCPU"', '"4096"'),
    // Task-level cpu and memory are optional on EC2.
    { name: 'EC2 without task-level cpu and memory', document: onEc2(task('', '')) },
    { name: 'EC2 with cpu 256 and memory 4096', document: onEc2(task('"256"', '"4096"')) },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'memory 4096 with cpu 256: the memory values for that cpu are listed; the fix picks the nearest, a string staying a string',
      document: task('"256"', '"4096"'),
      findings: [
        {
          message: [
            /memory "4096" is not offered with cpu 256 \(0\.25 vCPU\) on Fargate: with that cpu, memory must be 512, 1024 or 2048 MiB/,
            /4096 MiB goes with cpu 512 \(0\.5 vCPU\), 1024 \(1 vCPU\) or 2048 \(2 vCPU\)\./,
          ],
          underlined: '"4096"',
          related: [{ message: 'cpu 256 (0.25 vCPU)', underlined: '"256"' }],
          fixes: [
            {
              title: 'Change memory to "2048"',
              preferred: true,
              output: task('"256"', '"2048"'),
            },
          ],
        },
      ],
    },
    {
      name: 'memory 5000 with cpu 2048: numbers stay numbers, both neighbours offered, the nearer preferred; a long list is described as a range',
      document: task('2048', '5000'),
      findings: [
        {
          // 5000 MiB goes with no cpu: the message names none.
          message:
            /memory must be 4096 to 16384 in steps of 1024 MiB, so ECS rejects the task definition\.$/,
          underlined: '5000',
          related: [{ message: 'cpu 2048 (2 vCPU)', underlined: '2048' }],
          fixes: [
            { title: 'Change memory to 5120', preferred: true, output: task('2048', '5120') },
            { title: 'Change memory to 4096', output: task('2048', '4096') },
          ],
        },
      ],
    },
    {
      name: '"1 vCPU" with "1.5GB": vCPU and GB strings are converted, and a GB fix keeps the GB form',
      document: task('"1 vCPU"', '"1.5GB"'),
      findings: [
        {
          message: [
            /memory "1\.5GB" \(1536 MiB\) is not offered with cpu 1024 \(1 vCPU\)/,
            // Seven values are still listed one by one.
            /with that cpu, memory must be 2048, 3072, 4096, 5120, 6144, 7168 or 8192 MiB/,
          ],
          underlined: '"1.5GB"',
          related: [{ message: 'cpu 1024 (1 vCPU)', underlined: '"1 vCPU"' }],
          fixes: [
            { title: 'Change memory to "2GB"', preferred: true, output: task('"1 vCPU"', '"2GB"') },
          ],
        },
      ],
    },
    {
      name: 'memory 18432 with 8 vCPU, which steps by 4 GB: both neighbours, neither preferred',
      document: task('8192', '18432'),
      findings: [
        {
          message: /memory must be 16384 to 61440 in steps of 4096 MiB/,
          underlined: '18432',
          related: [{ message: 'cpu 8192 (8 vCPU)', underlined: '8192' }],
          fixes: [
            { title: 'Change memory to 16384', output: task('8192', '16384') },
            { title: 'Change memory to 20480', output: task('8192', '20480') },
          ],
        },
      ],
    },
    {
      name: 'memory 512 with cpu 1024: only the next size up is offered, and the one cpu that takes 512 is named',
      document: task('1024', '512'),
      findings: [
        {
          message: /memory 512 is not offered .* 512 MiB goes with cpu 256 \(0\.25 vCPU\)\.$/,
          underlined: '512',
          related: [{ message: 'cpu 1024 (1 vCPU)', underlined: '1024' }],
          fixes: [
            { title: 'Change memory to 2048', preferred: true, output: task('1024', '2048') },
          ],
        },
      ],
    },
    {
      name: '"1.75 GB" with "0.5 vCPU": the fixes keep the space before GB',
      document: task('"0.5 vCPU"', '"1.75 GB"'),
      findings: [
        {
          message: /memory "1\.75 GB" \(1792 MiB\) is not offered with cpu 512 \(0\.5 vCPU\)/,
          underlined: '"1.75 GB"',
          related: [{ message: 'cpu 512 (0.5 vCPU)', underlined: '"0.5 vCPU"' }],
          fixes: [
            {
              title: 'Change memory to "2 GB"',
              preferred: true,
              output: task('"0.5 vCPU"', '"2 GB"'),
            },
            { title: 'Change memory to "1 GB"', output: task('"0.5 vCPU"', '"1 GB"') },
          ],
        },
      ],
    },
    {
      name: '"0.75GB" with "0.25 vCPU": 512 MiB is no whole number of GB, so that fix writes MiB',
      document: task('"0.25 vCPU"', '"0.75GB"'),
      findings: [
        {
          message: /memory "0\.75GB" \(768 MiB\) is not offered with cpu 256 \(0\.25 vCPU\)/,
          underlined: '"0.75GB"',
          related: [{ message: 'cpu 256 (0.25 vCPU)', underlined: '"0.25 vCPU"' }],
          fixes: [
            { title: 'Change memory to "512"', output: task('"0.25 vCPU"', '"512"') },
            { title: 'Change memory to "1GB"', output: task('"0.25 vCPU"', '"1GB"') },
          ],
        },
      ],
    },
    {
      name: '"3 vCPU" is not a Fargate size: the message quotes it as written',
      document: task('"3 vCPU"', '"6 GB"'),
      findings: [
        {
          message: /^cpu "3 vCPU" is not a Fargate task size/,
          underlined: '"3 vCPU"',
          fixes: null,
        },
      ],
    },
    {
      name: 'missing memory next to a cpu number: the fix adds a number',
      document: task('1024', ''),
      findings: [
        {
          message: /has no task-level memory/,
          underlined: '1024',
          fixes: [{ title: 'Add "memory": 2048', preferred: true, output: task('1024', '2048') }],
        },
      ],
    },
    {
      name: 'missing memory next to "1 vCPU": the fix adds MiB as a string',
      document: task('"1 vCPU"', ''),
      findings: [
        {
          message: /has no task-level memory/,
          underlined: '"1 vCPU"',
          fixes: [
            {
              title: 'Add "memory": "2048"',
              preferred: true,
              output: task('"1 vCPU"', '"2048"'),
            },
          ],
        },
      ],
    },
    {
      name: 'missing cpu next to a memory number: the fix adds the smallest cpu as a number',
      document: task('', '4096'),
      findings: [
        {
          message: /has no task-level cpu/,
          underlined: '4096',
          fixes: [{ title: 'Add "cpu": 512', preferred: true, output: task('512', '4096') }],
        },
      ],
    },
    {
      name: 'missing cpu next to memory 3000, which no cpu offers: no fix',
      document: task('', '3000'),
      findings: [{ message: /has no task-level cpu/, underlined: '3000', fixes: null }],
    },
    {
      name: 'words around a vCPU or GB value: forms ECS does not document, two warnings',
      document: task('"up to 2 vCPU"', '"4 GB RAM"'),
      findings: [
        {
          message:
            '"up to 2 vCPU" is not a task cpu value in a form ECS documents: CPU units (1024) or vCPUs ("1 vCPU"). Fargate then cannot check it against its task sizes.',
          underlined: '"up to 2 vCPU"',
          severity: 'warning',
          fixes: null,
        },
        {
          message: /^"4 GB RAM" is not a task memory value in a form ECS documents/,
          underlined: '"4 GB RAM"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: 'a note after the vCPU value and a word before the GB value: two warnings',
      document: task('"2 vCPU (burst)"', '"about 4 GB"'),
      findings: [
        {
          message: /^"2 vCPU \(burst\)" is not a task cpu value/,
          underlined: '"2 vCPU (burst)"',
          severity: 'warning',
          fixes: null,
        },
        {
          message: /^"about 4 GB" is not a task memory value/,
          underlined: '"about 4 GB"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: '"~1024": a sign before the units is no form ECS documents either',
      document: task('"~1024"', '"2 GB"'),
      findings: [
        {
          message: /^"~1024" is not a task cpu value/,
          underlined: '"~1024"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
    {
      name: 'cpu 300 is not a Fargate size',
      document: task('300', '1024'),
      findings: [
        {
          message: /cpu 300 is not a Fargate task size: Fargate offers 256 \(\.25 vCPU\), 512/,
          underlined: '300',
          fixes: null,
        },
      ],
    },
    {
      name: 'missing memory: reported on cpu, the smallest memory for it as a fix',
      document: task('"1024"', ''),
      findings: [
        {
          message:
            'This task requires FARGATE but has no task-level memory: Fargate requires both, as a pair from its table of task sizes, so ECS rejects the task definition.',
          underlined: '"1024"',
          fixes: [
            { title: 'Add "memory": "2048"', preferred: true, output: task('"1024"', '"2048"') },
          ],
        },
      ],
    },
    {
      name: 'missing cpu: reported on memory, the smallest cpu that offers it as a fix',
      document: task('', '"2048"'),
      findings: [
        {
          message:
            /has no task-level cpu: .*\("Fargate requires that 'cpu' be defined at the task level"\)/,
          underlined: '"2048"',
          fixes: [{ title: 'Add "cpu": "256"', preferred: true, output: task('"256"', '"2048"') }],
        },
      ],
    },
    {
      name: 'both missing: reported on FARGATE, without a fix',
      document: task('', ''),
      findings: [
        {
          message: /has no task-level cpu and memory/,
          underlined: '"FARGATE"',
          fixes: null,
        },
      ],
    },
    {
      name: '"512 MiB", a form ECS does not document: a warning, not an error',
      document: task('"512"', '"512 MiB"'),
      findings: [
        {
          message: /"512 MiB" is not a task memory value in a form ECS documents/,
          underlined: '"512 MiB"',
          severity: 'warning',
          fixes: null,
        },
      ],
    },
  ],
});
