import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const SHOP = fixture('localhost-across-bridge/shop-reaches-redis-and-statsd-on-localhost.json');

const AGENTS = fixture('localhost-across-bridge/app-sends-to-agents-on-localhost.json');

/** SHOP where redis and statsd listen on other ports than the shop uses: only SELF_URL is left. */
const OTHER_PORTS = edit(
  SHOP,
  ['"containerPort": 6379', '"containerPort": 6380'],
  ['"containerPort": 8125', '"containerPort": 8126'],
);
/**
 * A checkout app on EC2 bridge with one environment variable and an agent container of the given
 * image: small and inline, since the image and the value are what each case is about.
 */
const withAgent = (image: string, value: string, name = 'AGENT_ENDPOINT') => `{
  "family": "checkout-bridge",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "checkout",
      "image": "checkout/app:2.8.1",
      "memory": 512,
      "environment": [{ "name": "${name}", "value": "${value}" }]
    },
    { "name": "agent", "image": "${image}", "memory": 256, "essential": false }
  ]
}
`;

/** The one finding on withAgent's value: the agent and what its port carries. */
function agentCase(image: string, value: string, agent: string, port: number, carries: string) {
  return {
    name: `${image}: ${value} is the agent's ${carries}`,
    document: withAgent(image, value),
    findings: [
      {
        message: new RegExp(
          `^checkout points at ${value.replace(/^\w+:\/\//, '').replace(/[.[\]()]/g, '\\$&')}, the port of ${agent} \\(${carries}\\), which runs in agent`,
        ),
        underlined: JSON.stringify(value),
        container: 'checkout',
        related: [
          {
            message: `agent runs ${agent}, which listens on ${port}`,
            underlined: JSON.stringify(image),
          },
        ],
        fixes: null,
      },
    ],
  };
}

/** AGENTS' two findings, on the Datadog host and the OTLP endpoint. */
const AGENT_FINDINGS = [
  {
    message:
      /checkout points at localhost as the host of the Datadog agent \(port 8126, APM traces\)/,
    underlined: '"localhost"',
    container: 'checkout',
    related: [
      {
        message: 'datadog-agent runs the Datadog agent, which listens on 8126',
        underlined: '"public.ecr.aws/datadog/agent:7.57.0"',
      },
    ],
    fixes: null,
  },
  {
    message: /checkout points at localhost:4317, the port of the OpenTelemetry collector/,
    underlined: '"http://localhost:4317"',
    container: 'checkout',
    related: [
      {
        message: 'otel runs the OpenTelemetry collector, which listens on 4317',
        underlined: '"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"',
      },
    ],
    fixes: null,
  },
];
const DD_HOST = '{ "name": "DD_AGENT_HOST", "value": "localhost" }';
const REDIS_LISTENS = { message: 'redis listens on 6379', underlined: '6379' };
const STATSD_LISTENS = { message: 'statsd listens on 8125', underlined: '8125' };
/** The statsd finding of SHOP: the existing link gives the host name to use. */
const STATSD_THROUGH_LINK = {
  message: /Use "metrics:8125" \(the name its link gives statsd\)/,
  underlined: '"127.0.0.1:8125"',
  container: 'shop',
  related: [STATSD_LISTENS],
  fixes: null,
};

ruleTester('localhost-across-bridge', {
  severity: 'warning',
  valid: [
    {
      name: 'awsvpc mode (the containers share localhost)',
      document: edit(SHOP, '"bridge"', '"awsvpc"'),
    },
    {
      name: 'host mode (the containers share localhost)',
      document: edit(SHOP, '"bridge"', '"host"'),
    },
    { name: 'ports no other container exposes', document: OTHER_PORTS },
    {
      name: "an admin app on 3000 too: the shop's localhost:3000 is the shop itself",
      document: edit(
        OTHER_PORTS,
        '  "containerDefinitions": [\n',
        '  "containerDefinitions": [\n    { "name": "admin", "image": "shop/admin:5.1.0", "memory": 256, "portMappings": [{ "containerPort": 3000, "hostPort": 0 }] },\n',
      ),
    },
    {
      name: 'an environment entry without a value and a number in the command (the JSON schema reports them)',
      document: edit(OTHER_PORTS, [
        '"environment": [',
        '"command": ["node", "server.js", 4],\n      "environment": [\n        { "name": "NODE_ENV" },',
      ]),
    },
    {
      name: 'a bare container array (the network mode is not known)',
      document: `[{ "name": "a", "image": "x", "environment": [{ "name": "U", "value": "localhost:80" }] }, { "name": "b", "image": "y", "portMappings": [{ "containerPort": 80 }] }]`,
    },
    {
      name: 'agents on localhost in awsvpc mode (the containers share localhost)',
      document: edit(AGENTS, '"bridge"', '"awsvpc"'),
    },
    {
      name: 'agent ports on localhost with no agent container in the task',
      document: edit(
        AGENTS,
        ['"public.ecr.aws/datadog/agent:7.57.0"', '"nginx:1.27"'],
        ['"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"', '"redis:7.4"'],
      ),
    },
    {
      name: 'the app links to the agents and uses their names',
      document: edit(
        AGENTS,
        ['"value": "localhost" }', '"value": "datadog-agent" }'],
        ['"http://localhost:4317"', '"http://otel:4317"'],
        [
          '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],',
          '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],\n      "links": ["datadog-agent", "otel"],',
        ],
      ),
    },
    {
      name: 'an agent image that only looks alike (my/datadog-agent-proxy)',
      document: edit(
        AGENTS,
        ['"public.ecr.aws/datadog/agent:7.57.0"', '"my/datadog-agent-proxy:1"'],
        ['"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"', '"my/otel-gateway:1"'],
      ),
    },
    ...validCases({
      'an image that only begins like the Datadog agent (datadog/agent-proxy)': withAgent(
        'datadog/agent-proxy:1',
        'localhost:8126',
      ),
      'an image that only begins like the CloudWatch agent': withAgent(
        'amazon/cloudwatch-agent-exporter:1',
        'localhost:25888',
      ),
      'an image that only begins like the X-Ray daemon': withAgent(
        'amazon/aws-xray-daemon-exporter:1',
        'localhost:2000',
      ),
      'an image that only begins like the OpenTelemetry collector': withAgent(
        'amazon/aws-otel-collector-exporter:1',
        'localhost:4317',
      ),
      'an image that only ends like the Datadog agent (acme/datadog/agent)': withAgent(
        'acme/datadog/agent:7',
        'localhost:8126',
      ),
      'an image that only ends like the CloudWatch agent': withAgent(
        'acme/amazon/cloudwatch-agent:1',
        'localhost:25888',
      ),
      'an image that only ends like the X-Ray daemon': withAgent(
        'acme/amazon/aws-xray-daemon:1',
        'localhost:2000',
      ),
      'an image that only ends like the OpenTelemetry collector': withAgent(
        'acme/amazon/aws-otel-collector:1',
        'localhost:4317',
      ),
      'DD_AGENT_HOST names a host that ends in localhost': withAgent(
        'datadog/agent:7',
        'dd-localhost',
        'DD_AGENT_HOST',
      ),
      'DD_AGENT_HOST names a host that begins with localhost': withAgent(
        'datadog/agent:7',
        'localhost-dd',
        'DD_AGENT_HOST',
      ),
      'a port on localhost that neither an agent nor a container has': withAgent(
        'datadog/agent:7',
        'http://localhost:9999',
      ),
    }),
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      // localhost:3000 in SELF_URL is shop itself: no finding.
      name: 'a shop on EC2 bridge reaches redis and statsd on localhost: on the values, saying what works',
      document: SHOP,
      findings: [
        {
          message: [
            /shop points at localhost:6379, redis's port, but in bridge mode every container has its own network namespace: localhost is shop itself/,
            /Link the containers \("links": \["redis"\]\) and use "redis:6379", or switch the task to networkMode awsvpc, where the containers of a task share localhost/,
          ],
          underlined: '"redis://localhost:6379/0"',
          container: 'shop',
          related: [REDIS_LISTENS],
          fixes: null,
        },
        STATSD_THROUGH_LINK,
      ],
    },
    {
      name: 'networkMode left out (bridge is the EC2 default)',
      document: edit(SHOP, '  "networkMode": "bridge",\n', ''),
      findings: [
        {
          message: /in bridge \(the default when networkMode is left out\) mode/,
          underlined: '"redis://localhost:6379/0"',
          container: 'shop',
          related: [REDIS_LISTENS],
          fixes: null,
        },
        {
          ...STATSD_THROUGH_LINK,
          message: /in bridge \(the default when networkMode is left out\) mode/,
        },
      ],
    },
    {
      name: 'a wait-for script in the command points at 127.0.0.1:6379',
      document: edit(
        SHOP,
        [
          '"links": ["statsd:metrics"],',
          '"command": ["./wait-for", "127.0.0.1:6379", "--", "node", "server.js"],',
        ],
        ['        { "name": "REDIS_URL", "value": "redis://localhost:6379/0" },\n', ''],
      ),
      findings: [
        {
          message: /shop points at 127\.0\.0\.1:6379, redis's port/,
          underlined: '"127.0.0.1:6379"',
          container: 'shop',
          related: [REDIS_LISTENS],
          fixes: null,
        },
        {
          message: /Link the containers \("links": \["statsd"\]\) and use "statsd:8125"/,
          underlined: '"127.0.0.1:8125"',
          container: 'shop',
          related: [STATSD_LISTENS],
          fixes: null,
        },
      ],
    },
    {
      name: 'DD_AGENT_HOST=localhost and an OTLP endpoint on localhost:4317 with undeclared agent ports',
      document: AGENTS,
      findings: [
        {
          message: [
            /checkout points at localhost as the host of the Datadog agent \(port 8126, APM traces\), which runs in datadog-agent, but in bridge mode every container has its own network namespace: localhost is checkout itself, so the agent never receives the data/,
            /Link the containers \("links": \["datadog-agent"\]\) and use "datadog-agent", or switch the task to networkMode awsvpc/,
          ],
          underlined: '"localhost"',
          container: 'checkout',
          related: [
            {
              message: 'datadog-agent runs the Datadog agent, which listens on 8126',
              underlined: '"public.ecr.aws/datadog/agent:7.57.0"',
            },
          ],
          fixes: null,
        },
        {
          message: [
            /checkout points at localhost:4317, the port of the OpenTelemetry collector \(OTLP over gRPC\), which runs in otel/,
            /Link the containers \("links": \["otel"\]\) and use "otel:4317"/,
          ],
          underlined: '"http://localhost:4317"',
          container: 'checkout',
          related: [
            {
              message: 'otel runs the OpenTelemetry collector, which listens on 4317',
              underlined: '"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"',
            },
          ],
          fixes: null,
        },
      ],
    },
    {
      name: 'a link to the agent exists but the app still uses localhost: the link name to use',
      document: edit(AGENTS, [
        '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],',
        '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],\n      "links": ["datadog-agent:dd"],',
      ]),
      findings: [
        {
          message: /Use "dd" \(the name its link gives datadog-agent\)/,
          underlined: '"localhost"',
          container: 'checkout',
          related: [{ message: 'datadog-agent runs the Datadog agent, which listens on 8126' }],
          fixes: null,
        },
        {
          message: /Link the containers \("links": \["otel"\]\) and use "otel:4317"/,
          underlined: '"http://localhost:4317"',
          container: 'checkout',
          related: [{ message: 'otel runs the OpenTelemetry collector, which listens on 4317' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'the X-Ray daemon on 127.0.0.1:2000 and the CloudWatch agent on 25888, networkMode left out',
      document: edit(
        AGENTS,
        ['  "networkMode": "bridge",\n', ''],
        [
          '{ "name": "DD_AGENT_HOST", "value": "localhost" }',
          '{ "name": "AWS_XRAY_DAEMON_ADDRESS", "value": "127.0.0.1:2000" }',
        ],
        ['"http://localhost:4317"', '"tcp://127.0.0.1:25888"'],
        ['"public.ecr.aws/datadog/agent:7.57.0"', '"amazon/aws-xray-daemon"'],
        ['"name": "datadog-agent"', '"name": "xray"'],
        ['"name": "otel"', '"name": "cwagent"'],
        [
          '"public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0"',
          '"docker.io/amazon/cloudwatch-agent:latest"',
        ],
      ),
      findings: [
        {
          message: [
            /checkout points at 127\.0\.0\.1:2000, the port of the X-Ray daemon \(trace segments, UDP\), which runs in xray/,
            /in bridge \(the default when networkMode is left out\) mode/,
          ],
          underlined: '"127.0.0.1:2000"',
          container: 'checkout',
          related: [{ message: 'xray runs the X-Ray daemon, which listens on 2000' }],
          fixes: null,
        },
        {
          message:
            /checkout points at 127\.0\.0\.1:25888, the port of the CloudWatch agent \(embedded metric format\), which runs in cwagent/,
          underlined: '"tcp://127.0.0.1:25888"',
          container: 'checkout',
          related: [{ message: 'cwagent runs the CloudWatch agent, which listens on 25888' }],
          fixes: null,
        },
      ],
    },
    agentCase(
      'public.ecr.aws/cloudwatch-agent/cloudwatch-agent:1.300049',
      'localhost:25888',
      'the CloudWatch agent',
      25888,
      'embedded metric format',
    ),
    agentCase(
      'public.ecr.aws/xray/aws-xray-daemon:3.3.12',
      '127.0.0.1:2000',
      'the X-Ray daemon',
      2000,
      'trace segments, UDP',
    ),
    agentCase(
      'otel/opentelemetry-collector-contrib:0.110.0',
      'http://localhost:4318',
      'the OpenTelemetry collector',
      4318,
      'OTLP over HTTP',
    ),
    agentCase(
      'gcr.io/datadoghq/agent:7',
      'localhost:8125',
      'the Datadog agent',
      8125,
      'DogStatsD, UDP',
    ),
    agentCase(
      'datadog/agent@sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'localhost:8126',
      'the Datadog agent',
      8126,
      'APM traces',
    ),
    agentCase(' datadog/agent:7 ', 'localhost:8126', 'the Datadog agent', 8126, 'APM traces'),
    {
      name: 'DD_AGENT_HOST with a blank after localhost: the same, the host shown without it',
      document: edit(AGENTS, DD_HOST, '{ "name": "DD_AGENT_HOST", "value": "localhost " }'),
      findings: [
        {
          ...AGENT_FINDINGS[0]!,
          message: /^checkout points at localhost as the host of the Datadog agent/,
          underlined: '"localhost "',
        },
        AGENT_FINDINGS[1]!,
      ],
    },
    {
      name: 'the trace URL before DD_AGENT_HOST: one finding for the Datadog agent, on the first',
      document: edit(
        AGENTS,
        DD_HOST,
        `{ "name": "DD_TRACE_AGENT_URL", "value": "http://localhost:8126" },\n        ${DD_HOST}`,
      ),
      findings: [
        {
          ...AGENT_FINDINGS[0]!,
          message:
            /^checkout points at localhost:8126, the port of the Datadog agent \(APM traces\)/,
          underlined: '"http://localhost:8126"',
        },
        AGENT_FINDINGS[1]!,
      ],
    },
    {
      name: 'an environment entry without a value and a container without an image yet: the same findings',
      document: edit(
        AGENTS,
        [DD_HOST, `{ "name": "DD_ENV" },\n        ${DD_HOST}`],
        [
          '  "containerDefinitions": [\n',
          '  "containerDefinitions": [\n    { "name": "migrate", "memory": 128, "essential": false, "environment": [{ "name": "DD_AGENT_HOST" }] },\n',
        ],
      ),
      findings: AGENT_FINDINGS,
    },
    {
      name: "an agent's own settings name another agent's port on localhost: only the app's are reported",
      document: edit(AGENTS, [
        '"name": "otel",',
        '"name": "otel",\n      "environment": [{ "name": "DD_URL", "value": "http://localhost:8126" }],',
      ]),
      findings: AGENT_FINDINGS,
    },
    {
      name: 'the collector declares 4317 (and a port range): a plain localhost reference to its port',
      document: edit(AGENTS, [
        '"memory": 128,',
        '"memory": 128,\n      "portMappings": [{ "containerPortRange": "55680-55690" }, { "containerPort": 4317 }],',
      ]),
      findings: [
        AGENT_FINDINGS[0]!,
        {
          message: /^checkout points at localhost:4317, otel's port, but in bridge mode/,
          underlined: '"http://localhost:4317"',
          container: 'checkout',
          related: [{ message: 'otel listens on 4317', underlined: '4317' }],
          fixes: null,
        },
      ],
    },
    {
      name: 'redis without a name: the advice names no host',
      document: edit(SHOP, '"name": "redis",\n      ', ''),
      findings: [
        {
          message:
            /shop points at localhost:6379, container #2's port, .* Link the containers \("links": \["<name>"\]\) and use "<name>:6379"/,
          underlined: '"redis://localhost:6379/0"',
          container: 'shop',
          related: [{ message: 'container #2 listens on 6379', underlined: '6379' }],
          fixes: null,
        },
        STATSD_THROUGH_LINK,
      ],
    },
    {
      name: 'redis maps a port range and a second port before 6379: the related location is 6379',
      document: edit(
        SHOP,
        '"portMappings": [{ "containerPort": 6379 }]',
        '"portMappings": [{ "containerPortRange": "7000-7005" }, { "containerPort": 6380 }, { "containerPort": 6379 }]',
      ),
      findings: [
        {
          message: /shop points at localhost:6379, redis's port/,
          underlined: '"redis://localhost:6379/0"',
          container: 'shop',
          related: [REDIS_LISTENS],
          fixes: null,
        },
        STATSD_THROUGH_LINK,
      ],
    },
    {
      name: 'the Datadog agent without a name, the collector linked: the advice names no host',
      document: edit(
        AGENTS,
        ['"name": "datadog-agent",\n      ', ''],
        [
          '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],',
          '"portMappings": [{ "containerPort": 8000, "hostPort": 0 }],\n      "links": ["otel"],',
        ],
      ),
      findings: [
        {
          ...AGENT_FINDINGS[0]!,
          message:
            /which runs in container #2, .* Link the containers \("links": \["<name>"\]\) and use "<name>"/,
          related: [
            {
              message: 'container #2 runs the Datadog agent, which listens on 8126',
              underlined: '"public.ecr.aws/datadog/agent:7.57.0"',
            },
          ],
        },
        {
          ...AGENT_FINDINGS[1]!,
          message: /Use "otel:4317" \(the name its link gives otel\)/,
        },
      ],
    },
  ],
});
