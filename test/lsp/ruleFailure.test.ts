/**
 * One rule throwing does not cost the user the other rules' findings, and its stack reaches the
 * client's log. The server runs in this process over in-memory streams, so that a failing rule
 * can be added to the catalog.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine/rules/index';
import type { Rule } from '../../server/src/engine/rules/rule';
import { startInProcessServer } from '../support/inProcessServer';
import { fixture } from './client';

const throwing: Rule = {
  id: 'always-throws',
  severity: 'error',
  summary: 'A rule with a bug.',
  check() {
    throw new Error('a bug in a rule');
  },
};

test('a rule that throws is logged with its stack; the other rules still report', async () => {
  const server = await startInProcessServer();
  (allRules as Rule[]).push(throwing);
  try {
    const uri = 'file:///workspace/broken-start-order-task-def.jsonc';
    const published = server.nextDiagnostics(uri);
    await server.open(uri, 'jsonc', fixture('broken-start-order-task-def.jsonc'));
    const diagnostics = (await published).diagnostics;
    assert.equal(diagnostics.length, 5);
    assert.ok(!diagnostics.some((d) => d.code === 'always-throws'));
    assert.ok(
      server.logs.some((l) =>
        /^Rule always-throws failed on file:\/\/\/workspace\/broken-start-order-task-def\.jsonc: a bug in a rule\nError: a bug in a rule\n\s+at /.test(
          l,
        ),
      ),
      server.logs.join('\n'),
    );
  } finally {
    (allRules as Rule[]).pop();
    server.dispose();
  }
});
