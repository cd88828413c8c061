import { readFileSync } from 'node:fs';
import { REAL_WORLD_CORRECT } from './helpers';
import { edit, ruleTester, validCases, type ExpectedFinding } from './ruleTester';

const ID = 'proxy-not-awaited';
const real = (path: string) => readFileSync(`test/fixtures/real-world/${path}`, 'utf8');

/** in4it/roxprox terraform/templates/roxprox-appmesh.json: the app never waits for Envoy. */
const ROXPROX = real('bad/appmesh-roxprox-nodepends.json');
/** wwalpha/aws-multi-tenant-with-serverless: an app and an X-Ray daemon, neither waits for Envoy. */
const XRAY = real('bad/appmesh-xray-2000udp-nodepends.json.tpl');
/** aws-samples/amazon-ecs-firelens-examples: proxyConfiguration, the app waits for Envoy HEALTHY. */
const COLORTELLER = real('good/firelens-appmesh-colorteller.json');
/** in4it/roxprox envoy-appmesh.json.tpl: an envoyproxy/envoy front proxy that waits for App Mesh's Envoy. */
const FRONT_PROXY = real('good/appmesh-envoyproxy-bash-entrypoint.json.tpl');

const APP_WAITS = `,
        "dependsOn": [{
          "containerName": "envoy",
          "condition": "HEALTHY"
        }]`;
/** The colorteller task as it would be without the app's dependsOn. */
const COLORTELLER_NO_WAIT = edit(COLORTELLER, APP_WAITS, '');
const APP_ESSENTIAL = '"essential": true\n      },\n      {\n        "name": "envoy"';
const ENVOY_CHECK = `,
        "healthCheck": {
          "command": [
            "CMD-SHELL",
            "curl -s http://localhost:9901/server_info | grep state | grep -q LIVE"
          ],
          "interval": 5,
          "timeout": 2,
          "retries": 3
        }`;

/** The text with the dependsOn the fix writes after `"essential": true` (in the file's indentation unit). */
const waitsFor = (text: string, at: string, indent: string, condition: string, unit = '  ') =>
  edit(
    text,
    at,
    at.replace(
      '"essential": true',
      `"essential": true,\n${indent}"dependsOn": [\n${indent}${unit}{\n${indent}${unit}${unit}"containerName": "envoy",\n${indent}${unit}${unit}"condition": "${condition}"\n${indent}${unit}}\n${indent}]`,
    ),
  );

const TERRAFORM_ARRAY =
  /With the task's APPMESH proxy configuration \(set outside this list\), App Mesh redirects/;

const appFinding = (
  name: string,
  underlined: string,
  output: string,
  extra: Partial<ExpectedFinding> = {},
): ExpectedFinding => ({
  message: [
    new RegExp(
      `^${name.replace(/[$.*+?^{}()|[\]\\]/g, '\\$&')} does not wait for envoy, the task's App Mesh Envoy proxy \\(it is configured with APPMESH_VIRTUAL_NODE_NAME\\)`,
    ),
    TERRAFORM_ARRAY,
    /Add a dependsOn on envoy with HEALTHY, as App Mesh's guide asks/,
    /or run .* as user 1337, whose traffic bypasses Envoy\.$/,
  ],
  underlined,
  container: name,
  related: [
    {
      message:
        'envoy is the App Mesh Envoy proxy (it is configured with APPMESH_VIRTUAL_NODE_NAME)',
      underlined: '"envoy"',
    },
  ],
  fixes: [
    {
      title: `Make ${name} wait for envoy (HEALTHY)`,
      preferred: true,
      safe: true,
      output,
    },
  ],
  ...extra,
});

ruleTester(ID, {
  severity: 'warning',
  valid: [
    {
      name: 'App Mesh with FireLens (aws-samples): the app waits for Envoy HEALTHY; the log router is waited for by Envoy, so it is not asked to wait back',
      document: COLORTELLER,
    },
    {
      name: 'an envoyproxy/envoy front proxy that waits for App Mesh Envoy, and containers spliced in by the template (in4it/roxprox)',
      document: FRONT_PROXY,
    },
    {
      name: 'the app runs as the IgnoredUID user (1337): its traffic bypasses Envoy',
      document: edit(
        COLORTELLER_NO_WAIT,
        '"name": "app",',
        '"name": "app",\n        "user": "1337",',
      ),
    },
    {
      name: 'an App Mesh Envoy container in a task definition without proxyConfiguration: nothing is redirected',
      document: edit(
        COLORTELLER_NO_WAIT,
        COLORTELLER_NO_WAIT.slice(
          COLORTELLER_NO_WAIT.indexOf('    "proxyConfiguration"'),
          COLORTELLER_NO_WAIT.indexOf('    "containerDefinitions"'),
        ),
        '',
      ),
    },
    {
      name: 'Envoy alone (envoyproxy/envoy) in a container array, without App Mesh variables: a front proxy, not a mesh sidecar',
      document:
        '[\n  { "name": "edge", "image": "envoyproxy/envoy:v1.31.0", "portMappings": [{ "containerPort": 10000 }] },\n  { "name": "app", "image": "shop/app:1.0" }\n]\n',
    },
    {
      name: 'the app dependsOn is a template placeholder: it may wait already',
      document: edit(
        ROXPROX,
        '"name": "roxprox",',
        '"name": "roxprox",\n      "dependsOn": "${DEPENDS_ON}",',
      ),
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'roxprox on App Mesh (in4it/roxprox, Terraform): the app does not wait for Envoy; the safe fix adds dependsOn HEALTHY',
      document: ROXPROX,
      findings: [
        appFinding(
          'roxprox',
          '"roxprox"',
          waitsFor(
            ROXPROX,
            '"essential": true,\n      "image": "in4it/roxprox',
            '      ',
            'HEALTHY',
            '    ',
          ),
        ),
      ],
    },
    {
      name: 'an app and an X-Ray daemon on App Mesh (wwalpha/aws-multi-tenant-with-serverless): each reported, the daemon too (its traffic to X-Ray goes through Envoy unless it runs as 1337)',
      document: XRAY,
      findings: [
        appFinding(
          '${container_name}',
          '"${container_name}"',
          waitsFor(XRAY, '"essential": true,\n    "portMappings"', '    ', 'HEALTHY'),
        ),
        appFinding(
          'xray-daemon',
          '"xray-daemon"',
          waitsFor(XRAY, '"essential": true,\n    "cpu": 32', '    ', 'HEALTHY'),
        ),
      ],
    },
    {
      name: 'the colorteller task (proxyConfiguration APPMESH) without the app dependsOn: a warning on the app, fixed with HEALTHY',
      document: COLORTELLER_NO_WAIT,
      findings: [
        {
          message: [
            /^app does not wait for envoy, the task's App Mesh Envoy proxy \(proxyConfiguration names it\)\. App Mesh redirects the task's outbound TCP traffic to Envoy from the first packet/,
            /Add a dependsOn on envoy with HEALTHY, as App Mesh's guide asks, so that app starts once Envoy is ready, or run app as user 1337, whose traffic bypasses Envoy\.$/,
          ],
          underlined: '"app"',
          container: 'app',
          related: [
            {
              message: 'envoy is the App Mesh Envoy proxy (proxyConfiguration names it)',
              underlined: '"envoy"',
            },
          ],
          fixes: [
            {
              title: 'Make app wait for envoy (HEALTHY)',
              preferred: true,
              safe: true,
              output: waitsFor(COLORTELLER_NO_WAIT, APP_ESSENTIAL, '        ', 'HEALTHY', '    '),
            },
          ],
        },
      ],
    },
    {
      name: 'the same with an Envoy that has no health check: START, the most ECS can wait for',
      document: edit(COLORTELLER_NO_WAIT, ENVOY_CHECK, ''),
      findings: [
        {
          message:
            /with START \(envoy has no health check, so START is the most ECS can wait for; a check on Envoy's \/server_info lets it wait for HEALTHY\)/,
          underlined: '"app"',
          container: 'app',
          related: [
            {
              message: 'envoy is the App Mesh Envoy proxy (proxyConfiguration names it)',
              underlined: '"envoy"',
            },
          ],
          fixes: [
            {
              title: 'Make app wait for envoy (START)',
              preferred: true,
              safe: true,
              output: waitsFor(
                edit(COLORTELLER_NO_WAIT, ENVOY_CHECK, ''),
                APP_ESSENTIAL,
                '        ',
                'START',
                '    ',
              ),
            },
          ],
        },
      ],
    },
  ],
});
