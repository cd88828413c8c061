/**
 * Nothing is reported twice: where the editor validates a file against our JSON schema (VS Code's
 * jsonValidation, announced by the client as initializationOptions.schemaFileMatch), the server
 * leaves out the findings the schema reports too, and still offers their quick fixes there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { applyTextEdits } from '../../server/src/engine/index';
import { ensureServerBuilt, TestClient, uriOf } from './client';

const BROKEN = readFileSync('examples/broken-start-order-task-def.json', 'utf8');
const SCHEMA_FILE_MATCH = (
  JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { jsonValidation: { fileMatch: string[] }[] };
  }
).contributes.jsonValidation[0]!.fileMatch;

/** Where `"success"` is, as the JSON service's enum diagnostic would mark it. */
function successRange() {
  const lines = BROKEN.split('\n');
  const line = lines.findIndex((l) => l.includes('"success"'));
  const character = lines[line]!.indexOf('"success"');
  return { start: { line, character }, end: { line, character: character + '"success"'.length } };
}

describe('findings the JSON schema also reports', () => {
  let vscodeLike: TestClient;
  let plain: TestClient;
  before(async () => {
    await ensureServerBuilt();
    vscodeLike = await TestClient.start({
      initializationOptions: { schemaFileMatch: SCHEMA_FILE_MATCH },
    });
    plain = await TestClient.start();
  });
  after(async () => {
    await vscodeLike.stop();
    await plain.stop();
  });

  test('a schema-validated file does not get the condition error twice, but keeps its quick fix', async () => {
    const uri = uriOf('broken-start-order-task-def.json');
    const published = await vscodeLike.open(uri, BROKEN);
    const codes = published.diagnostics.map((d) => d.code);
    assert.ok(
      !codes.includes('dependency-invalid-condition'),
      'the schema already reports "success"',
    );
    assert.ok(
      codes.includes('dependency-cycle') && codes.includes('dependency-unknown-container'),
      'the semantic findings stay',
    );

    const schemaDiagnostic: Diagnostic = {
      range: successRange(),
      message: 'Value is not accepted. Valid values: "START", "COMPLETE", "SUCCESS", "HEALTHY".',
      source: 'json',
      severity: 2,
    };
    const actions = (await vscodeLike.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: successRange(),
      context: { diagnostics: [schemaDiagnostic] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Change "success" to "SUCCESS"');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(fix.diagnostics, [schemaDiagnostic]);
    const edits = fix.edit!.documentChanges
      ? (fix.edit!.documentChanges[0] as unknown as { edits: never[] }).edits
      : fix.edit!.changes![uri]!;
    assert.equal(applyTextEdits(BROKEN, edits), BROKEN.replace('"success"', '"SUCCESS"'));
  });

  test('an unknown key: the schema reports "healthcheck", the server its rename as a quick fix and only what the schema cannot see ("start_period" inside it)', async () => {
    const text = readFileSync(
      'test/fixtures/rules/unknown-field/fargate-healthcheck-lowercase.schema-invalid.json',
      'utf8',
    );
    const uri = uriOf('nextjs-task-definition.json');
    const published = await vscodeLike.open(uri, text);
    const unknown = published.diagnostics.filter((d) => d.code === 'unknown-field');
    assert.deepEqual(
      unknown.map((d) => d.message),
      [
        'ECS has no field start_period in healthcheck of web: keys are case-sensitive, and the field is startPeriod. register-task-definition rejects it (Unknown parameter in containerDefinitions[0].healthCheck: "start_period").',
      ],
    );
    const line = text.split('\n').findIndex((l) => l.includes('"healthcheck"'));
    const character = text.split('\n')[line]!.indexOf('"healthcheck"');
    const range = {
      start: { line, character },
      end: { line, character: character + '"healthcheck"'.length },
    };
    const schemaDiagnostic: Diagnostic = {
      range,
      message: 'Property healthcheck is not allowed.',
      source: 'json',
      severity: 2,
    };
    const actions = (await vscodeLike.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [schemaDiagnostic] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Rename healthcheck to healthCheck');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const edits = fix.edit!.documentChanges
      ? (fix.edit!.documentChanges[0] as unknown as { edits: never[] }).edits
      : fix.edit!.changes![uri]!;
    assert.equal(applyTextEdits(text, edits), text.replace('"healthcheck"', '"healthCheck"'));
  });

  test('a file the schema does not cover, or an editor without the schema, gets every finding', async () => {
    const other = await vscodeLike.open(uriOf('checkout.json'), BROKEN);
    assert.ok(other.diagnostics.some((d) => d.code === 'dependency-invalid-condition'));
    const published = await plain.open(uriOf('broken-start-order-task-def.json'), BROKEN);
    assert.ok(published.diagnostics.some((d) => d.code === 'dependency-invalid-condition'));
  });
});
