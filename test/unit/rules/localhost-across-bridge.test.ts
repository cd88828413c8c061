import { REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const SHOP = fixture('localhost-across-bridge/shop-reaches-redis-and-statsd-on-localhost.json');

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
    {
      name: 'ports no other container exposes',
      document: edit(
        SHOP,
        ['"containerPort": 6379', '"containerPort": 6380'],
        ['"containerPort": 8125', '"containerPort": 8126'],
      ),
    },
    {
      name: 'a bare container array (the network mode is not known)',
      document: `[{ "name": "a", "image": "x", "environment": [{ "name": "U", "value": "localhost:80" }] }, { "name": "b", "image": "y", "portMappings": [{ "containerPort": 80 }] }]`,
    },
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
  ],
});
