import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const CRON = fixture('ec2-container-memory-missing/cron-export-without-memory.json');
const MODE = '"networkMode": "bridge",';
const FARGATE = edit(
  CRON,
  MODE,
  '"networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],',
);
const EC2 = edit(CRON, MODE, `${MODE} "requiresCompatibilities": ["EC2"],`);

ruleTester('ec2-container-memory-missing', {
  severity: 'error',
  valid: [
    {
      name: 'task-level memory',
      document: edit(CRON, MODE, `${MODE}\n  "memory": "1024",`),
    },
    {
      name: 'task-level memory as a placeholder',
      document: edit(CRON, MODE, `${MODE}\n  "memory": "\${task_memory}",`),
    },
    {
      name: 'a bare container array (task-level memory unknown)',
      document: `[{ "name": "a", "image": "x", "essential": true }]`,
    },
    {
      name: 'the container memory is a placeholder',
      document: edit(CRON, '"cpu": 256,', '"cpu": 256, "memory": "${export_memory}",'),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      // The value is a guess to adjust: offered, not applied by --fix.
      name: 'a nightly export cron container with neither memory nor memoryReservation, no requiresCompatibilities: on its name; the fix adds memoryReservation after cpu',
      document: CRON,
      findings: [
        {
          message: [
            /^nightly-export has neither memory nor memoryReservation\. The task has no task-level memory, so every container needs a non-zero memory or memoryReservation: ECS rejects the task definition otherwise, whatever the launch type/,
            /At least one of 'memory' or 'memoryReservation' must be specified/,
          ],
          underlined: '"nightly-export"',
          container: 'nightly-export',
          fixes: [
            {
              title: 'Add "memoryReservation": 256 (adjust to what the container needs)',
              output: edit(CRON, '"cpu": 256,\n', '"cpu": 256,\n      "memoryReservation": 256,\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'memory 0 (a generated skeleton) is reported on the 0, without a fix',
      document: `{ "family": "", "requiresCompatibilities": ["EC2"], "memory": "", "containerDefinitions": [{ "name": "", "image": "", "memory": 0, "memoryReservation": 0 }] }`,
      findings: [
        {
          message: /container #1 sets memory to 0\. The task has no task-level memory/,
          underlined: '0',
          fixes: null,
        },
      ],
    },
    {
      name: 'the same cron task on EC2: the same finding, nothing about Fargate',
      document: EC2,
      findings: [
        {
          message:
            /whatever the launch type \("At least one of 'memory' or 'memoryReservation' must be specified"\)\.$/,
          underlined: '"nightly-export"',
          container: 'nightly-export',
          fixes: [
            {
              title: 'Add "memoryReservation": 256 (adjust to what the container needs)',
              output: edit(EC2, '"cpu": 256,\n', '"cpu": 256,\n      "memoryReservation": 256,\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'the cron task meant for Fargate without task-level memory: the same registration error; it points at task-level memory, no container fix',
      document: FARGATE,
      findings: [
        {
          message: [
            /whatever the launch type/,
            /On Fargate, task-level memory is required anyway: add it \(with task-level cpu\), and the containers need none of their own\.$/,
          ],
          underlined: '"nightly-export"',
          container: 'nightly-export',
          fixes: null,
        },
      ],
    },
  ],
});
