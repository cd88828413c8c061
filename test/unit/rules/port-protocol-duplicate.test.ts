import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

// An app that serves metrics on 9090 and a statsd exporter sidecar whose default web port is also
// 9090 (prom/statsd-exporter's --web.listen-address), in one awsvpc task.
const EXPORTER = fixture('port-protocol-duplicate/app-and-exporter-both-on-9090.json');
const EXPORTER_9090 =
  '{ "containerPort": 9125, "protocol": "udp" },\n        { "containerPort": 9090';
/** EXPORTER on EC2 in the given network mode. */
const onEc2In = (mode: string) =>
  edit(EXPORTER, ['"awsvpc"', `"${mode}"`], ['["FARGATE"]', '["EC2"]']);

ruleTester('port-protocol-duplicate', {
  severity: 'error',
  valid: [
    {
      name: 'the exporter on its own port',
      document: edit(EXPORTER, EXPORTER_9090, EXPORTER_9090.replace('9090', '9102')),
    },
    {
      name: 'the same port over tcp and over udp (the X-Ray daemon listens on both 2000/tcp and 2000/udp)',
      document: edit(
        EXPORTER,
        EXPORTER_9090 + ', "protocol": "tcp" }',
        EXPORTER_9090 + ', "protocol": "udp" }',
      ),
    },
    {
      name: 'bridge mode without host ports: each mapping gets a dynamic host port',
      document: onEc2In('bridge'),
    },
    {
      name: 'a mapping still being written, without a port yet',
      document: edit(
        EXPORTER,
        [EXPORTER_9090, EXPORTER_9090.replace('9090', '9102')],
        ['{ "containerPort": 9125, "protocol": "udp" }', '{ "protocol": "udp" }'],
      ),
    },
    {
      name: 'a list of protocols (the JSON schema reports it: a mapping takes one)',
      document: edit(
        EXPORTER,
        EXPORTER_9090 + ', "protocol": "tcp" }',
        EXPORTER_9090 + ', "protocol": ["tcp", "udp"] }',
      ),
    },
    {
      name: 'a placeholder protocol',
      document: edit(
        EXPORTER,
        EXPORTER_9090 + ', "protocol": "tcp" }',
        EXPORTER_9090 + ', "protocol": "${PROTOCOL}" }',
      ),
    },
    {
      name: 'a bare container array (the network mode is not known)',
      document:
        '[\n  { "name": "a", "image": "a:1", "portMappings": [{ "containerPort": 80 }] },\n  { "name": "b", "image": "b:1", "portMappings": [{ "containerPort": 80 }] }\n]\n',
    },
    ...validCases(GOOD_FIXTURES),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'awsvpc: the app and its exporter both on 9090/tcp (protocol tcp when left out)',
      document: edit(EXPORTER, EXPORTER_9090 + ', "protocol": "tcp" }', EXPORTER_9090 + ' }'),
      findings: [
        {
          message: [
            /^TCP port 9090 is mapped by api and by statsd-exporter: ECS refuses to register the task definition \("TCP host port '9090' is mapped multiple times in task\."\)\./,
            /In network mode awsvpc the containers of a task share one network namespace/,
          ],
          underlined: '9090',
          container: 'statsd-exporter',
          fixes: [],
        },
      ],
    },
    {
      name: 'host mode on EC2: the same',
      document: onEc2In('host'),
      findings: [
        {
          message:
            /^TCP port 9090 is mapped by api and by statsd-exporter: .* In network mode host /,
          underlined: '9090',
          container: 'statsd-exporter',
          fixes: [],
        },
      ],
    },
    {
      name: 'bridge mode with the same fixed host port twice in one container',
      document: edit(
        onEc2In('bridge'),
        '{ "containerPort": 8080, "protocol": "tcp" }',
        '{ "containerPort": 8080, "hostPort": 80, "protocol": "tcp" },\n        { "containerPort": 8081, "hostPort": 80 }',
      ),
      findings: [
        {
          message:
            /^TCP port 80 is mapped twice in api's portMappings: ECS refuses to register the task definition \("TCP host port '80' is mapped multiple times in task\."\)\. Map it once, or give one of them another port\.$/,
          underlined: '80',
          container: 'api',
          fixes: [],
        },
      ],
    },
  ],
});
