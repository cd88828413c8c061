/**
 * A YAML template edited in the editor re-uses its previous reading (templateReuse.ts): only the
 * edited resource is parsed again. Edits typed at many positions of the real templates, including
 * edits that change the structure (a new resource, indentation, a broken line, flow style, anchors
 * and aliases, a second document, CRLF line ends), must give exactly the tree, findings, fixes and
 * hovers of a fresh reading of the whole text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, syntaxFindings, type Analysis } from '../../../server/src/engine/index';
import { reread } from '../../../server/src/engine/formats/cloudformation/templateReuse';
import { parseYamlTemplate } from '../../../server/src/engine/formats/cloudformation/yamlTree';
import { hover } from '../../../server/src/features/hover';
import { plainTree } from '../../support/trees';

const ROOT = 'test/fixtures/cloudformation';
const templates = readdirSync(ROOT)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(ROOT, f), 'utf8') }));

/** What is typed: characters, line breaks, indentation, and text that changes the structure. */
const EDITS: { name: string; insert: string; remove?: number }[] = [
  { name: 'a character', insert: 'z' },
  { name: 'a deletion', insert: '', remove: 1 },
  { name: 'a line break', insert: '\n' },
  { name: 'a CRLF line break', insert: '\r\n' },
  { name: 'indentation', insert: '  ' },
  { name: 'one space less', insert: '', remove: 1 },
  { name: 'a broken line', insert: '\n  : [ "\n' },
  { name: 'a new resource', insert: '\n  Added:\n    Type: AWS::ECS::TaskDefinition\n' },
  { name: 'a new property', insert: '\n        Essential: false' },
  { name: 'flow style', insert: ' {Name: a, Image: [b, c]}' },
  { name: 'an anchor', insert: ' &anchor ' },
  { name: 'an alias', insert: ' *anchor' },
  { name: 'a second document', insert: '\n---\n' },
  { name: 'a comment', insert: ' # note' },
  { name: 'a tab', insert: '\t' },
  { name: 'a tag', insert: '!Ref ' },
];

/** Positions spread over the text: line starts, first characters, and places inside values. */
function positions(text: string, count: number): number[] {
  const lines: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.push(i + 1);
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const start = lines[Math.floor((k * lines.length) / count)]!;
    const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const first = start + /^ */.exec(text.slice(start, end))![0].length;
    // Cycle through the line start, its first character, the middle and the end of the line.
    out.push([start, first, Math.floor((first + end) / 2), end][k % 4]!);
  }
  return out;
}

function edited(text: string, at: number, edit: (typeof EDITS)[number]): string {
  return text.slice(0, at) + edit.insert + text.slice(at + (edit.remove ?? 0));
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const documents = [
  ...templates,
  ...templates.slice(0, 3).map((t) => ({ name: `${t.name} (CRLF)`, text: crlf(t.text) })),
];

test('an edit anywhere in a real template re-uses its reading only as a whole parse reads it', () => {
  let reusedCount = 0;
  let edits = 0;
  for (const { name, text } of documents) {
    const previous = parseYamlTemplate(text);
    if (!previous.selfContained) continue;
    for (const at of positions(text, 16)) {
      for (const edit of EDITS) {
        const after = edited(text, at, edit);
        edits++;
        const tree = reread(text, previous, after);
        if (!tree) continue;
        reusedCount++;
        const fresh = parseYamlTemplate(after);
        const where = `${name}: ${edit.name} at ${at}`;
        assert.deepEqual(plainTree(tree.root), plainTree(fresh.root), where);
        assert.deepEqual(tree.syntaxErrors, fresh.syntaxErrors, where);
        assert.equal(tree.tooDeep, fresh.tooDeep, where);
        assert.equal(tree.selfContained, fresh.selfContained, where);
      }
    }
  }
  // Most edits of a template fall inside a resource's body: those are the ones re-used.
  console.log(`${reusedCount} of ${edits} edits re-used`);
  assert.ok(reusedCount > edits / 4, `${reusedCount} of ${edits} edits re-used`);
});

function sameAnalysis(incremental: Analysis, fresh: Analysis, where: string): void {
  assert.deepEqual(
    syntaxFindings(incremental.file).map((f) => [f.code, f.range, f.message]),
    syntaxFindings(fresh.file).map((f) => [f.code, f.range, f.message]),
    where,
  );
  // JSON carries each finding's range, message, related information and fixes with their edits.
  assert.equal(JSON.stringify(incremental.findings), JSON.stringify(fresh.findings), where);
  assert.deepEqual(
    incremental.definitions.map((d) => plainTree(d.input.root)),
    fresh.definitions.map((d) => plainTree(d.input.root)),
    where,
  );
}

test('a template typed into, one keystroke after another, analyses as fresh reads do', () => {
  const typed = '\n          DependsOn: [{ContainerName: app}]';
  const chosen = documents.filter((d) => /^(copilot.*|appmesh-colorapp.*\(CRLF\))$/.test(d.name));
  assert.equal(chosen.length, 2);
  for (const { name, text } of chosen) {
    const uri = `file:///reuse/${encodeURIComponent(name)}`;
    analyze(text, { format: 'cloudformation', uri });
    // Type after a container's image and after a name, a line each.
    for (const anchor of ['Image:', 'Name:']) {
      let at = text.indexOf(anchor, Math.floor(text.length / 3));
      if (at < 0) continue;
      at = text.indexOf('\n', at);
      let current = text;
      for (const ch of typed) {
        current = current.slice(0, at) + ch + current.slice(at);
        at += ch.length;
        const incremental = analyze(current, { format: 'cloudformation', uri });
        const fresh = analyze(current, { format: 'cloudformation' });
        const where = `${name}: typing after ${anchor}, at ${at}`;
        sameAnalysis(incremental, fresh, where);
        const position = fresh.source.positionAt(at);
        assert.deepEqual(hover(incremental, position), hover(fresh, position), where);
      }
      // Back to the text as it was: the analysis of the original again.
      sameAnalysis(
        analyze(text, { format: 'cloudformation', uri }),
        analyze(text, { format: 'cloudformation' }),
        `${name}: undo`,
      );
    }
  }
});
