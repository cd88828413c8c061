import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { analyze, applyTextEdits, fixAll } from '../../../server/src/engine/index';
import { codeActions, FIX_ALL_KIND, minimalEdit } from '../../../server/src/features/codeActions';
import { diagnostics } from '../../../server/src/features/diagnostics';
import { applyWorkspaceEdit, editsOf, fixture, SEED, URI } from './cursor';

const BROKEN = fixture('broken-start-order-task-def.jsonc');

function actionsFor(
  text: string,
  pick: (d: Diagnostic) => boolean,
  only?: string[],
  documentChanges = true,
) {
  const analysis = analyze(text, { uri: URI });
  const diags = diagnostics(analysis, URI).filter(pick);
  return {
    diags,
    actions: codeActions(
      analysis,
      { diagnostics: diags, only },
      { uri: URI, version: 7, documentChanges, analysisOptions: { uri: URI } },
    ),
  };
}

describe('quick fixes', () => {
  test('a misspelt condition: the fix, preferred, tied to its diagnostic, and the exact text after it', () => {
    const { diags, actions } = actionsFor(
      BROKEN,
      (d) => d.code === 'dependency-invalid-condition',
      ['quickfix'],
    );
    assert.equal(actions.length, 1);
    const action = actions[0]!;
    assert.equal(action.title, 'Change "success" to "SUCCESS"');
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, diags);
    assert.deepEqual((action.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, {
      uri: URI,
      version: 7,
    });
    assert.equal(
      applyWorkspaceEdit(BROKEN, action.edit),
      BROKEN.replace('"condition": "success" }, // typed', '"condition": "SUCCESS" }, // typed'),
    );
  });

  test('an unknown container: the close name is offered', () => {
    const { actions } = actionsFor(BROKEN, (d) => d.code === 'dependency-unknown-container');
    assert.deepEqual(
      actions.filter((a) => a.kind === 'quickfix').map((a) => a.title),
      ['Change "cach" to "cache"'],
    );
    assert.equal(
      applyWorkspaceEdit(BROKEN, actions[0]!.edit),
      BROKEN.replace('"containerName": "cach"', '"containerName": "cache"'),
    );
  });

  test('every fix of the seed’s diagnostics applies as the engine wrote it, and the JSON stays valid', () => {
    const analysis = analyze(SEED, { uri: URI });
    const { actions } = actionsFor(SEED, () => true, ['quickfix']);
    const fixes = analysis.findings.flatMap((f) => f.fixes);
    assert.equal(actions.length, fixes.length);
    assert.ok(actions.length >= 5);
    for (const [i, action] of actions.entries()) {
      const after = applyWorkspaceEdit(SEED, action.edit);
      assert.equal(after, applyTextEdits(SEED, fixes[i]!.edits), action.title);
      JSON.parse(after);
    }
  });

  test('a diagnostic from another source or with a stale range gets no action', () => {
    const analysis = analyze(BROKEN, { uri: URI });
    const d = diagnostics(analysis, URI).find((x) => x.code === 'dependency-invalid-condition')!;
    const other: Diagnostic = { ...d, source: 'json' };
    const moved: Diagnostic = {
      ...d,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    };
    assert.deepEqual(
      codeActions(
        analysis,
        { diagnostics: [other, moved], only: ['quickfix'] },
        { uri: URI, version: 1, documentChanges: false, analysisOptions: {} },
      ),
      [],
    );
  });

  test('without documentChanges support the edit is in `changes`', () => {
    const { actions } = actionsFor(
      BROKEN,
      (d) => d.code === 'dependency-invalid-condition',
      ['quickfix'],
      false,
    );
    assert.equal(actions[0]!.edit!.documentChanges, undefined);
    assert.equal(editsOf(actions[0]!.edit).length, 1);
  });
});

describe('source.fixAll.ecsInitOrder', () => {
  function fixAllOf(
    text: string,
    only: string[] | undefined = [FIX_ALL_KIND],
  ): CodeAction | undefined {
    return actionsFor(text, () => false, only).actions.find((a) => a.kind === FIX_ALL_KIND);
  }

  test('one minimal edit that gives the fix-all text', () => {
    const action = fixAllOf(SEED)!;
    assert.equal(action.title, 'Fix all safe ECS Init Order problems');
    const edits = editsOf(action.edit);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, { line: 6, character: 7 });
    const after = applyWorkspaceEdit(SEED, action.edit);
    assert.equal(after, fixAll(SEED).text);
    JSON.parse(after);
    assert.deepEqual(
      analyze(after)
        .findings.map((f) => f.code)
        .filter((c) => c === 'essential-init-container' || c === 'init-not-awaited'),
      [],
    );
  });

  test('offered for `source` and `source.fixAll`, not for `quickfix`; absent when nothing changes', () => {
    assert.ok(fixAllOf(SEED, ['source']));
    assert.ok(fixAllOf(SEED, ['source.fixAll']));
    assert.ok(fixAllOf(SEED, undefined));
    assert.equal(fixAllOf(SEED, ['quickfix']), undefined);
    assert.equal(fixAllOf(fixture('shop-web-task-definition.json')), undefined);
    assert.equal(fixAllOf('{"name": "not a task definition"}'), undefined);
  });

  test('the minimal edit never splits a line break', () => {
    const before = 'a\r\nb';
    const after = 'a\r\nc\r\nb';
    const edit = minimalEdit(analyze(before), before, after)!;
    assert.equal(applyTextEdits(before, [edit]), after);
  });
});
