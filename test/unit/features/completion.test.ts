import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { analyze, applyTextEdits } from '../../../server/src/engine/index';
import { completion } from '../../../server/src/features/completion';
import { atCursor, cursorAfter, cursorIn, fixture, SEED } from './cursor';

const SHOP = fixture('shop-web-task-definition.json');

function complete(textWithCursor: string, snippetSupport = true, namedLikeTaskDefinition = true) {
  const { text, position, analysis } = atCursor(textWithCursor);
  const items = completion(analysis, position, { snippetSupport, namedLikeTaskDefinition }).items;
  return { text, items };
}

function apply(text: string, item: CompletionItem): string {
  return applyTextEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);
}

function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

function stripComments(text: string): string {
  return text.replace(/\/\/[^\n]*/g, '');
}

describe('names, volumes and conditions', () => {
  test('dependsOn.containerName offers the other containers with their image and role', () => {
    const webDeps = cursorIn(SHOP, '"containerName": "redis"', 18);
    const { text, items } = complete(webDeps);
    assert.deepEqual(labels(items), ['fetch-config', 'log-router', 'redis']);
    const fetch = items.find((i) => i.label === 'fetch-config')!;
    assert.equal(
      fetch.detail,
      'public.ecr.aws/aws-cli/aws-cli:2.17.0 · not essential · init container',
    );
    assert.equal(
      items.find((i) => i.label === 'redis')!.detail,
      'public.ecr.aws/docker/library/redis:7.2 · essential · has a healthCheck',
    );
    assert.equal(fetch.filterText, '"fetch-config"');
    // The whole string is replaced, quotes included.
    assert.equal(
      apply(text, fetch),
      SHOP.replace(
        '{ "containerName": "redis", "condition": "HEALTHY" }',
        '{ "containerName": "fetch-config", "condition": "HEALTHY" }',
      ),
    );
  });

  test('a value not typed yet gets its quotes', () => {
    const doc = `{"containerDefinitions": [
  {"name": "init", "image": "busybox", "essential": false},
  {"name": "app", "image": "nginx", "dependsOn": [{"containerName": |}]}
]}`;
    const { text, items } = complete(doc);
    assert.deepEqual(labels(items), ['init']);
    assert.equal(
      apply(text, items[0]!),
      text.replace('"containerName": }', '"containerName": "init"}'),
    );
  });

  test('an unterminated string is completed up to the cursor, keeping what follows', () => {
    const doc = `{"containerDefinitions": [
  {"name": "init", "image": "busybox", "essential": false},
  {"name": "app", "image": "nginx", "dependsOn": [{"containerName": "in|}]}
]}`;
    const { text, items } = complete(doc);
    assert.equal(
      apply(text, items[0]!),
      text.replace('"containerName": "in}', '"containerName": "init"}'),
    );
  });

  test('volumesFrom.sourceContainer and links entries offer containers too', () => {
    const volumesFrom = complete(`{"containerDefinitions": [
  {"name": "data", "image": "busybox", "essential": false},
  {"name": "app", "image": "nginx", "volumesFrom": [{"sourceContainer": "|"}]}
]}`);
    assert.deepEqual(labels(volumesFrom.items), ['data']);
    const links = complete(`{"containerDefinitions": [
  {"name": "db", "image": "postgres:16"},
  {"name": "app", "image": "nginx", "links": ["db", |]}
]}`);
    assert.deepEqual(labels(links.items), ['db']);
    assert.equal(
      apply(links.text, links.items[0]!),
      links.text.replace('"links": ["db", ]', '"links": ["db", "db"]'),
    );
  });

  test('mountPoints.sourceVolume offers the task volumes', () => {
    const { text, items } = complete(cursorIn(SHOP, '"sourceVolume": "config"', 17));
    assert.deepEqual(labels(items), ['config']);
    assert.equal(items[0]!.detail, 'task volume · mounted by fetch-config, web');
    assert.equal(apply(text, items[0]!), SHOP);
  });

  test('conditions: SUCCESS first for an init container, HEALTHY first for one with a healthCheck', () => {
    const init = complete(cursorIn(SHOP, '"condition": "SUCCESS"', 14)).items;
    assert.deepEqual(labels(init), ['SUCCESS', 'COMPLETE', 'START', 'HEALTHY']);
    assert.equal(init.find((i) => i.label === 'SUCCESS')!.preselect, true);
    const doc = (init.find((i) => i.label === 'SUCCESS')!.documentation as MarkupContent).value;
    assert.match(doc, /^Wait until the other container has run and exited with code 0\./);
    assert.match(doc, /Can't be set on an essential container/);
    const healthy = complete(cursorIn(SHOP, '"condition": "HEALTHY"', 14)).items;
    assert.deepEqual(labels(healthy), ['HEALTHY', 'START', 'SUCCESS', 'COMPLETE']);
    assert.match(
      (healthy.find((i) => i.label === 'SUCCESS')!.documentation as MarkupContent).value,
      /⚠ redis is essential: ECS does not accept SUCCESS on it\./,
    );
  });

  test('nothing in other strings, nor in JSON that is not a task definition', () => {
    assert.deepEqual(complete(cursorIn(SHOP, '"shop-web"', 3)).items, []);
    assert.deepEqual(complete('{"dependsOn": [{"containerName": "|"}]}').items, []);
  });
});

const API = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "registry.example.com/api:1.0.0",
      "essential": true,
      "portMappings": [{ "containerPort": 8080 }]
    }
    |
  ],
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512"
}`;

const API_WITH_INIT = `{
  "family": "api",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "registry.example.com/api:1.0.0",
      "essential": true,
      "dependsOn": [
        {
          "containerName": "init",
          "condition": "SUCCESS"
        }
      ],
      "portMappings": [{ "containerPort": 8080 }],
      "mountPoints": [
        {
          "sourceVolume": "shared",
          "containerPath": "/shared",
          "readOnly": true
        }
      ]
    },
    {
      "name": "init",
      "image": "IMAGE",
      "essential": false,
      "entryPoint": ["sh", "-c"],
      "command": ["COMMAND"],
      "mountPoints": [
        { "sourceVolume": "shared", "containerPath": "/shared" }
      ]
    }END
  ],
  "volumes": [
    {
      "name": "shared"
    }
  ],
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc",
  "cpu": "256",
  "memory": "512"
}`;

describe('snippets', () => {
  test('init container with shared volume, as a snippet: the essential container waits for it and mounts the volume', () => {
    const { text, items } = complete(API);
    assert.deepEqual(labels(items), ['init container with shared volume']);
    const item = items[0]!;
    assert.equal(item.insertTextFormat, 2);
    assert.match(
      (item.documentation as MarkupContent).value,
      /Also makes api wait for it \(SUCCESS\) and mount `shared` read-only at \/shared, and adds `shared` to the task volumes\./,
    );
    const expected = API_WITH_INIT.replace(
      'IMAGE',
      '${1:public.ecr.aws/docker/library/busybox:1.36}',
    )
      .replace('COMMAND', '${2:echo ready > /shared/ready}')
      .replace('END', '$0');
    assert.equal(apply(text, item), expected);
  });

  test('init container with shared volume, as plain text: the result is a correct task definition', () => {
    const { text, items } = complete(API, false);
    const item = items[0]!;
    assert.equal(item.insertTextFormat, 1);
    assert.doesNotMatch((item.textEdit as TextEdit).newText, /\$/);
    const result = apply(text, item);
    assert.equal(
      result,
      API_WITH_INIT.replace('IMAGE', 'public.ecr.aws/docker/library/busybox:1.36')
        .replace('COMMAND', 'echo ready > /shared/ready')
        .replace('END', ''),
    );
    JSON.parse(result);
    assert.deepEqual(
      analyze(result).findings.map((f) => f.code),
      [],
    );
  });

  test('the init container gets a free name, and commas where the array needs them', () => {
    const doc = `{"containerDefinitions": [
  {"name": "init", "image": "busybox", "essential": false},
  |
  {"name": "app", "image": "nginx"}
]}`;
    const { text, items } = complete(doc, false);
    const result = apply(text, items[0]!);
    const parsed = JSON.parse(result);
    assert.deepEqual(
      parsed.containerDefinitions.map((c: { name: string }) => c.name),
      ['init', 'init-2', 'app'],
    );
    assert.deepEqual(parsed.containerDefinitions[2].dependsOn, [
      { containerName: 'init-2', condition: 'SUCCESS' },
    ]);
    assert.deepEqual(parsed.volumes, [{ name: 'shared' }]);
  });

  test('in the seed, the app waits for the new init container (the comma after the last element is added)', () => {
    const doc = cursorAfter(
      SEED,
      '    }\n  ],\n  "requiresCompatibilities"',
      -'\n  ],\n  "requiresCompatibilities"'.length,
    );
    const { text, items } = complete(doc, false);
    const parsed = JSON.parse(apply(text, items[0]!));
    assert.deepEqual(
      parsed.containerDefinitions.map((c: { name: string }) => c.name),
      ['init-setup', 'app-container', 'init'],
    );
    assert.deepEqual(parsed.containerDefinitions[1].dependsOn, [
      { containerName: 'init', condition: 'SUCCESS' },
    ]);
    assert.deepEqual(parsed.containerDefinitions[1].mountPoints, [
      { sourceVolume: 'shared', containerPath: '/shared', readOnly: true },
    ]);
  });

  test('a dependsOn entry, with the likely container and condition first', () => {
    const doc = `{"containerDefinitions": [
  {"name": "migrate", "image": "flyway/flyway:10", "essential": false, "command": ["migrate"]},
  {"name": "redis", "image": "redis:7", "healthCheck": {"command": ["CMD", "redis-cli", "ping"]}},
  {"name": "app", "image": "nginx", "dependsOn": [
    |
  ]}
]}`;
    const snippet = complete(doc);
    assert.deepEqual(labels(snippet.items), ['dependsOn entry']);
    assert.equal(
      (snippet.items[0]!.textEdit as TextEdit).newText,
      '{ "containerName": "${1|migrate,redis|}", "condition": "${2|SUCCESS,COMPLETE,START,HEALTHY|}" }$0',
    );
    const plain = complete(doc, false);
    const result = apply(plain.text, plain.items[0]!);
    assert.deepEqual(JSON.parse(result).containerDefinitions[2].dependsOn, [
      { containerName: 'migrate', condition: 'SUCCESS' },
    ]);
  });

  test('healthCheck and dependsOn at a property position of a container, not when present', () => {
    const doc = `{
  "containerDefinitions": [
    {
      "name": "api",
      "image": "registry.example.com/api:1.0.0",
      |
      "portMappings": [{ "containerPort": 8080 }]
    },
    { "name": "migrate", "image": "flyway/flyway:10", "essential": false, "command": ["migrate"] }
  ]
}`;
    const { text, items } = complete(doc, false);
    assert.deepEqual(labels(items), ['dependsOn', 'healthCheck']);
    const health = apply(
      text,
      items.find((i) => i.label === 'healthCheck')!,
    );
    assert.equal(
      health,
      text.replace(
        '      \n      "portMappings"',
        `      "healthCheck": {
        "command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"],
        "interval": 30,
        "timeout": 5,
        "retries": 3,
        "startPeriod": 10
      },
      "portMappings"`,
      ),
    );
    const depends = JSON.parse(
      apply(
        text,
        items.find((i) => i.label === 'dependsOn')!,
      ),
    );
    assert.deepEqual(depends.containerDefinitions[0].dependsOn, [
      { containerName: 'migrate', condition: 'SUCCESS' },
    ]);
    assert.deepEqual(labels(complete(cursorAfter(SHOP, '"name": "web",\n')).items), [
      'healthCheck',
    ]);
    assert.deepEqual(labels(complete(cursorAfter(SHOP, '"name": "redis",\n')).items), [
      'dependsOn',
    ]);
  });

  test('a half-typed key is replaced by the property', () => {
    const doc = `{"containerDefinitions": [{"name": "api", "image": "nginx", "hea|"}]}`;
    const { text, items } = complete(doc, false);
    const result = apply(
      text,
      items.find((i) => i.label === 'healthCheck')!,
    );
    assert.deepEqual(Object.keys(JSON.parse(result).containerDefinitions[0]), [
      'name',
      'image',
      'healthCheck',
    ]);
  });

  test('a finished key and a space: the range runs to the cursor, so editors keep the item', () => {
    const doc = `{"containerDefinitions": [{"name": "app", "image": "nginx"}, {"name": "web", "image": "web", "dep" |}]}`;
    const { text, items } = complete(doc, false);
    const item = items.find((i) => i.label === 'dependsOn')!;
    assertOnCursorLine(doc, item);
    assert.deepEqual(JSON.parse(apply(text, item)).containerDefinitions[1].dependsOn, [
      { containerName: 'app', condition: 'START' },
    ]);
  });

  test('a key on the line above the cursor: nothing (no range can hold both)', () => {
    const doc = `{"containerDefinitions": [{"name": "api", "image": "nginx", "hea"\n|}]}`;
    assert.deepEqual(complete(doc).items, []);
  });

  test('an empty document named like a task definition gets a whole task definition', () => {
    const { text, items } = complete('|', false);
    assert.deepEqual(labels(items), ['task definition with an init container']);
    const result = apply(text, items[0]!);
    const parsed = JSON.parse(result);
    assert.deepEqual(
      parsed.containerDefinitions.map((c: { name: string }) => c.name),
      ['init', 'app'],
    );
    assert.deepEqual(
      analyze(result).findings.map((f) => f.code),
      [],
    );
    const snippet = complete('|').items[0]!;
    assert.match((snippet.textEdit as TextEdit).newText, /"family": "\$\{1:my-app\}"/);
    assert.deepEqual(complete('|', true, false).items, []);
  });

  test('an empty root object is filled', () => {
    const { text, items } = complete('{|}', false);
    const result = apply(text, items[0]!);
    assert.match(result, /^\{\n {2}"family": "my-app",\n/);
    assert.deepEqual(JSON.parse(stripComments(result)).volumes, [{ name: 'shared' }]);
  });

  test('typing { and Enter (auto-closed brackets): the whole task definition, edited on the cursor line only', () => {
    for (const [document, eol] of [
      ['{\n  |\n}', '\n'],
      ['{\r\n  |\r\n}', '\r\n'],
    ] as const) {
      const { text, items } = complete(document, false);
      assert.equal(items.length, 1, document);
      assertOnCursorLine(document, items[0]!);
      const result = apply(text, items[0]!);
      assert.ok(result.startsWith(`{${eol}  "family": "my-app",${eol}`), JSON.stringify(result));
      assert.ok(result.endsWith(`${eol}}`), JSON.stringify(result));
      assert.ok(!result.replace(/\r\n/g, '').includes('\n'.repeat(2)), 'no empty line added');
      assert.deepEqual(JSON.parse(stripComments(result)).volumes, [{ name: 'shared' }]);
    }
    // The cursor right after `{` of `{\r\n`: the range ends before the line break, not inside it.
    const open = complete('{|\r\n', false);
    assert.equal(open.items.length, 1);
    assertOnCursorLine('{|\r\n', open.items[0]!);
  });
});

/** The item's edit range lies on the cursor's line and holds the cursor, as editors require. */
function assertOnCursorLine(document: string, item: CompletionItem) {
  const { position } = atCursor(document);
  const { range } = item.textEdit as TextEdit;
  assert.equal(range.start.line, position.line, JSON.stringify(range));
  assert.equal(range.end.line, position.line, JSON.stringify(range));
  assert.ok(
    range.start.character <= position.character && position.character <= range.end.character,
    `${JSON.stringify(range)} does not hold ${JSON.stringify(position)}`,
  );
}
