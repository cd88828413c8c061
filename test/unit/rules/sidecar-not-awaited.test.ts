import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAll } from '../../../server/src/engine/index';
import { findingsOf, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases, type ExpectedFinding } from './ruleTester';

const ID = 'sidecar-not-awaited';
const PAYMENTS = fixture('sidecar-not-awaited/payments-api-talks-to-otel-and-vault-sidecars.json');
const OTEL_PORTS = '"portMappings": [{ "containerPort": 4317 }]';
const ESSENTIAL = '"essential": true,\n';

/** PAYMENTS with the dependsOn entry the fix gives payments-api. */
const waitsFor = (container: string, condition: string) =>
  edit(
    PAYMENTS,
    ESSENTIAL,
    `${ESSENTIAL}      "dependsOn": [
        {
          "containerName": "${container}",
          "condition": "${condition}"
        }
      ],\n`,
  );

const VAULT_FINDING: ExpectedFinding = {
  message: /with HEALTHY, since vault-agent has a health check/,
  underlined: '"http://127.0.0.1:8200"',
  container: 'payments-api',
  related: [{ message: 'vault-agent listens on 8200', underlined: '8200' }],
  fixes: [
    {
      title: 'Make payments-api wait for vault-agent (HEALTHY)',
      preferred: true,
      safe: true,
      output: waitsFor('vault-agent', 'HEALTHY'),
    },
  ],
};
/** PAYMENTS without the Vault agent's address: only the collector is talked to. */
const COLLECTOR_ONLY = edit(PAYMENTS, '"http://127.0.0.1:8200"', '"http://vault.internal:8200"');
/** COLLECTOR_ONLY where the collector also takes a port range and OTLP over HTTP first. */
const MANY_COLLECTOR_PORTS = edit(
  COLLECTOR_ONLY,
  OTEL_PORTS,
  '"portMappings": [{ "containerPortRange": "55680-55690" }, { "containerPort": 4318 }, { "containerPort": 4317 }]',
);
const UNNAMED_COLLECTOR = edit(COLLECTOR_ONLY, '"name": "otel-collector",\n      ', '');
const API_VAULT_CYCLE = edit(
  PAYMENTS,
  [
    ESSENTIAL,
    `${ESSENTIAL}      "dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }],\n`,
  ],
  [
    '"portMappings": [{ "containerPort": 8200 }],',
    '"portMappings": [{ "containerPort": 8200 }],\n      "dependsOn": [{ "containerName": "payments-api", "condition": "START" }],',
  ],
);
const COLLECTOR_WAITS_FOR_APP = edit(
  PAYMENTS,
  OTEL_PORTS,
  `${OTEL_PORTS},\n      "dependsOn": [{ "containerName": "payments-api", "condition": "START" }]`,
);

ruleTester(ID, {
  severity: 'warning',
  valid: [
    {
      name: 'the api waits for vault-agent, which waits for the collector',
      document: edit(
        PAYMENTS,
        [
          ESSENTIAL,
          `${ESSENTIAL}      "dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }],\n`,
        ],
        [
          '"portMappings": [{ "containerPort": 8200 }],',
          '"portMappings": [{ "containerPort": 8200 }],\n      "dependsOn": [{ "containerName": "otel-collector", "condition": "START" }],',
        ],
      ),
    },
    {
      name: 'the only order is implicit (FireLens: the app logs through the router it talks to)',
      document: edit(
        PAYMENTS,
        [OTEL_PORTS, `${OTEL_PORTS},\n      "firelensConfiguration": { "type": "fluentbit" }`],
        [
          ESSENTIAL,
          `${ESSENTIAL}      "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "stdout" } },\n      "dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }],\n`,
        ],
      ),
    },
    {
      name: 'dependsOn from a Terraform variable (it may wait already)',
      document: edit(
        PAYMENTS,
        ESSENTIAL,
        `${ESSENTIAL}      "dependsOn": "\${api_dependencies}",\n`,
      ),
    },
    {
      name: 'bridge mode on EC2',
      document: edit(PAYMENTS, ['"awsvpc"', '"bridge"'], ['"FARGATE"', '"EC2"']),
    },
    {
      name: 'a bare container array (the network mode is not known)',
      document: `[{ "name": "a", "image": "x", "environment": [{ "name": "U", "value": "localhost:80" }] }, { "name": "b", "image": "y", "portMappings": [{ "containerPort": 80 }] }]`,
    },
    ...validCases(REAL_WORLD_CORRECT),
  ],
  invalid: [
    {
      name: 'a payments api talks to its OpenTelemetry collector and Vault agent without waiting: per sidecar, on the value; the safe fixes add the dependsOn, HEALTHY where there is a health check',
      document: PAYMENTS,
      findings: [
        {
          message: [
            /payments-api talks to localhost:4317, which is otel-collector's port, but nothing makes it wait for otel-collector/,
            /Add a dependsOn on otel-collector with START \(otel-collector has no health check/,
          ],
          underlined: '"http://localhost:4317"',
          container: 'payments-api',
          related: [{ message: 'otel-collector listens on 4317', underlined: '4317' }],
          fixes: [
            {
              title: 'Make payments-api wait for otel-collector (START)',
              preferred: true,
              safe: true,
              output: waitsFor('otel-collector', 'START'),
            },
          ],
        },
        VAULT_FINDING,
      ],
    },
    {
      name: 'the collector waits for the api (a deliberate order): only the Vault agent is reported',
      document: COLLECTOR_WAITS_FOR_APP,
      findings: [
        {
          ...VAULT_FINDING,
          fixes: [
            {
              title: 'Make payments-api wait for vault-agent (HEALTHY)',
              preferred: true,
              safe: true,
              output: edit(
                COLLECTOR_WAITS_FOR_APP,
                ESSENTIAL,
                `${ESSENTIAL}      "dependsOn": [\n        {\n          "containerName": "vault-agent",\n          "condition": "HEALTHY"\n        }\n      ],\n`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the collector maps a port range and OTLP over HTTP too: the port the api uses is the related location',
      document: MANY_COLLECTOR_PORTS,
      findings: [
        {
          message: /payments-api talks to localhost:4317, which is otel-collector's port/,
          underlined: '"http://localhost:4317"',
          container: 'payments-api',
          related: [{ message: 'otel-collector listens on 4317', underlined: '4317' }],
          fixes: [
            {
              title: 'Make payments-api wait for otel-collector (START)',
              preferred: true,
              safe: true,
              output: edit(
                MANY_COLLECTOR_PORTS,
                ESSENTIAL,
                `${ESSENTIAL}      "dependsOn": [\n        {\n          "containerName": "otel-collector",\n          "condition": "START"\n        }\n      ],\n`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the api and the Vault agent wait for each other (dependency-cycle reports it): the collector is still reported',
      document: API_VAULT_CYCLE,
      findings: [
        {
          message: /payments-api talks to localhost:4317, which is otel-collector's port/,
          underlined: '"http://localhost:4317"',
          container: 'payments-api',
          related: [{ message: 'otel-collector listens on 4317', underlined: '4317' }],
          fixes: [
            {
              title: 'Make payments-api wait for otel-collector (START)',
              preferred: true,
              safe: true,
              output: edit(
                API_VAULT_CYCLE,
                '"dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }]',
                '"dependsOn": [{ "containerName": "vault-agent", "condition": "HEALTHY" }, { "containerName": "otel-collector", "condition": "START" }]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a collector without a name: reported, but no dependsOn can name it',
      document: UNNAMED_COLLECTOR,
      findings: [
        {
          message:
            /payments-api talks to localhost:4317, which is container #2's port, but nothing makes it wait for container #2/,
          underlined: '"http://localhost:4317"',
          container: 'payments-api',
          related: [{ message: 'container #2 listens on 4317', underlined: '4317' }],
          fixes: null,
        },
      ],
    },
  ],
});

test(`${ID}: fix-all takes one fix per round, the second appends to the array the first created`, () => {
  assert.deepEqual(findingsOf(ID, fixAll(PAYMENTS).text), []);
});
