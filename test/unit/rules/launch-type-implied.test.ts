import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const NOTIFY = fixture(
  'launch-type-implied/notifications-awsvpc-cpu-memory-no-compatibilities.json',
);
const MODE = '"networkMode": "awsvpc",\n';
const NUMBERS = edit(NOTIFY, ['"cpu": "256"', '"cpu": 256'], ['"memory": "512"', '"memory": 512']);

ruleTester('launch-type-implied', {
  severity: 'hint',
  valid: [
    {
      name: 'with requiresCompatibilities',
      document: edit(NOTIFY, '"cpu": "256",', '"cpu": "256", "requiresCompatibilities": ["EC2"],'),
    },
    { name: 'without task cpu', document: edit(NOTIFY, '  "cpu": "256",\n', '') },
    {
      name: 'with an empty task memory',
      document: edit(NOTIFY, '"memory": "512"', '"memory": ""'),
    },
    {
      name: 'a task memory of blanks',
      document: edit(NOTIFY, '"memory": "512"', '"memory": "  "'),
    },
    {
      name: 'a task memory that is neither a number nor a string (the JSON schema reports it)',
      document: edit(NOTIFY, '"memory": "512"', '"memory": true'),
    },
    { name: 'outside awsvpc (bridge)', document: edit(NOTIFY, '"awsvpc"', '"bridge"') },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a notifications task with awsvpc and task cpu and memory but no requiresCompatibilities: on networkMode; FARGATE (preferred) or EC2 is added after it',
      document: NOTIFY,
      findings: [
        {
          message: [
            /looks like a Fargate task \(awsvpc, task-level cpu and memory\), but it has no requiresCompatibilities: ECS registers it and records the launch types it is compatible with, and users report that CreateService, UpdateService or RunTask with the FARGATE launch type is then refused \("Task definition does not support launch_type FARGATE"\), a message that names no parameter\./,
            /Add "requiresCompatibilities": \["FARGATE"\] to have registration check it/,
          ],
          underlined: '"awsvpc"',
          fixes: [
            {
              title: 'Add "requiresCompatibilities": ["FARGATE"]',
              preferred: true,
              output: edit(NOTIFY, MODE, `${MODE}  "requiresCompatibilities": ["FARGATE"],\n`),
            },
            {
              title: 'Add "requiresCompatibilities": ["EC2"]',
              output: edit(NOTIFY, MODE, `${MODE}  "requiresCompatibilities": ["EC2"],\n`),
            },
          ],
        },
      ],
    },
    {
      name: 'cpu and memory written as numbers: the same hint',
      document: NUMBERS,
      findings: [
        {
          message: /looks like a Fargate task \(awsvpc, task-level cpu and memory\)/,
          underlined: '"awsvpc"',
          fixes: [
            {
              title: 'Add "requiresCompatibilities": ["FARGATE"]',
              preferred: true,
              output: edit(NUMBERS, MODE, `${MODE}  "requiresCompatibilities": ["FARGATE"],\n`),
            },
            {
              title: 'Add "requiresCompatibilities": ["EC2"]',
              output: edit(NUMBERS, MODE, `${MODE}  "requiresCompatibilities": ["EC2"],\n`),
            },
          ],
        },
      ],
    },
  ],
});
