import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { SourceText } from '../../../server/src/engine/index';
import { definition } from '../../../server/src/features/definition';
import { references } from '../../../server/src/features/references';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { applyWorkspaceEdit, atCursor, cursorIn, fixture, URI } from './cursor';

const SHOP = fixture('shop-web-task-definition.json');
const ARRAY = fixture('containers.json');

function texts(text: string, locations: Location[]): string[] {
  const s = new SourceText(text);
  return locations.map(
    (l) =>
      `${l.range.start.line + 1}:${text.slice(s.offsetAt(l.range.start), s.offsetAt(l.range.end))}`,
  );
}

const LINKED = `{
  "family": "legacy",
  "networkMode": "bridge",
  "containerDefinitions": [
    { "name": "db", "image": "postgres:16", "essential": true },
    { "name": "backup", "image": "busybox", "essential": false, "volumesFrom": [{ "sourceContainer": "db" }] },
    { "name": "app", "image": "nginx", "links": ["db:database", "db"],
      "dependsOn": [{ "containerName": "db", "condition": "START" }] }
  ]
}`;

describe('definition', () => {
  test('from dependsOn, volumesFrom and links to the container, from sourceVolume to the volume', () => {
    const cases: [string, string][] = [
      [cursorIn(SHOP, '"containerName": "redis"', 20), '28:redis'],
      [cursorIn(LINKED, '"sourceContainer": "db"', 21), '5:db'],
      [cursorIn(LINKED, '"db:database"', 2), '5:db'],
      [
        cursorIn(SHOP, '"sourceVolume": "config", "containerPath": "/config", "readOnly"', 19),
        '60:config',
      ],
    ];
    for (const [doc, expected] of cases) {
      const { text, position, analysis } = atCursor(doc);
      assert.deepEqual(texts(text, definition(analysis, position, URI)), [expected]);
    }
  });

  test('an unknown name has no definition; nor has a plain string', () => {
    const broken = atCursor(cursorIn(fixture('broken-start-order-task-def.jsonc'), '"cach"', 2));
    assert.deepEqual(definition(broken.analysis, broken.position, URI), []);
    const family = atCursor(cursorIn(SHOP, '"shop-web"', 2));
    assert.deepEqual(definition(family.analysis, family.position, URI), []);
  });
});

describe('references', () => {
  test('every use of a container, the declaration when asked', () => {
    const { text, position, analysis } = atCursor(cursorIn(LINKED, '"name": "db"', 10));
    assert.deepEqual(texts(text, references(analysis, position, URI, true)), [
      '5:db',
      '6:db',
      '7:db',
      '7:db',
      '8:db',
    ]);
    assert.deepEqual(texts(text, references(analysis, position, URI, false)), [
      '6:db',
      '7:db',
      '7:db',
      '8:db',
    ]);
  });

  test('from a reference, and for volumes', () => {
    const fromUse = atCursor(cursorIn(SHOP, '"containerName": "fetch-config"', 20));
    assert.deepEqual(
      texts(fromUse.text, references(fromUse.analysis, fromUse.position, URI, true)),
      ['11:fetch-config', '44:fetch-config'],
    );
    const volume = atCursor(cursorIn(SHOP, '{ "name": "config" }', 12));
    assert.deepEqual(texts(volume.text, references(volume.analysis, volume.position, URI, true)), [
      '17:config',
      '50:config',
      '60:config',
    ]);
  });
});

describe('rename', () => {
  test('prepareRename gives the name without quotes or alias', () => {
    const { text, position, analysis } = atCursor(cursorIn(LINKED, '"db:database"', 2));
    const prepared = prepareRename(analysis, position)!;
    assert.equal(prepared.placeholder, 'db');
    assert.deepEqual(texts(text, [{ uri: URI, range: prepared.range }]), ['7:db']);
    const family = atCursor(cursorIn(SHOP, '"shop-web"', 2));
    assert.equal(prepareRename(family.analysis, family.position), null);
  });

  test('renaming a container edits its name and every use, keeping link aliases', () => {
    const { text, position, analysis } = atCursor(cursorIn(LINKED, '"containerName": "db"', 19));
    const result = rename(analysis, position, 'postgres', {
      uri: URI,
      version: 4,
      documentChanges: true,
    });
    assert.ok(result && 'edit' in result);
    assert.equal(
      applyWorkspaceEdit(text, result.edit),
      LINKED.replace('"name": "db"', '"name": "postgres"')
        .replace('"sourceContainer": "db"', '"sourceContainer": "postgres"')
        .replace('["db:database", "db"]', '["postgres:database", "postgres"]')
        .replace('"containerName": "db"', '"containerName": "postgres"'),
    );
  });

  test('renaming a volume edits its mount points', () => {
    const { text, position, analysis } = atCursor(cursorIn(SHOP, '"sourceVolume": "config"', 19));
    const result = rename(analysis, position, 'web-config', {
      uri: URI,
      version: 1,
      documentChanges: false,
    });
    assert.ok(result && 'edit' in result);
    assert.equal(
      applyWorkspaceEdit(text, result.edit),
      SHOP.replaceAll('"sourceVolume": "config"', '"sourceVolume": "web-config"').replace(
        '{ "name": "config" }',
        '{ "name": "web-config" }',
      ),
    );
  });

  test('a name written with escapes is rewritten whole', () => {
    const doc =
      '{"containerDefinitions": [{"name": "d\\u0062", "image": "postgres"}, {"name": "app", "image": "nginx", "links": ["d|b:database"]}]}';
    const { text, position, analysis } = atCursor(doc);
    const result = rename(analysis, position, 'pg', {
      uri: URI,
      version: 1,
      documentChanges: false,
    });
    assert.ok(result && 'edit' in result);
    assert.equal(
      applyWorkspaceEdit(text, result.edit),
      '{"containerDefinitions": [{"name": "pg", "image": "postgres"}, {"name": "app", "image": "nginx", "links": ["pg:database"]}]}',
    );
  });

  test('invalid and taken names are refused with a message', () => {
    const { position, analysis } = atCursor(cursorIn(SHOP, '"name": "redis"', 10));
    assert.deepEqual(
      rename(analysis, position, 'redis cache', { uri: URI, version: 1, documentChanges: false }),
      {
        error:
          '"redis cache" is not a valid container name: use 1 to 255 letters, digits, hyphens (-) and underscores (_).',
      },
    );
    assert.deepEqual(
      rename(analysis, position, 'web', { uri: URI, version: 1, documentChanges: false }),
      {
        error:
          'Container names must be unique: this task definition already has a container named "web".',
      },
    );
    assert.deepEqual(
      rename(analysis, position, 'x'.repeat(256), { uri: URI, version: 1, documentChanges: false }),
      {
        error: `"${'x'.repeat(256)}" is not a valid container name: use 1 to 255 letters, digits, hyphens (-) and underscores (_).`,
      },
    );
  });

  test('a bare container array: rename a link target', () => {
    const { text, position, analysis } = atCursor(cursorIn(ARRAY, '"name": "migrate"', 10));
    const result = rename(analysis, position, 'flyway', {
      uri: URI,
      version: 1,
      documentChanges: false,
    });
    assert.ok(result && 'edit' in result);
    assert.equal(
      applyWorkspaceEdit(text, result.edit),
      ARRAY.replace('"name": "migrate"', '"name": "flyway"').replace(
        '"migrate:db-migrations"',
        '"flyway:db-migrations"',
      ),
    );
  });
});
