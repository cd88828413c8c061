/**
 * An analysis that reuses the previous one (an edit inside one container definition re-parses only
 * that container) must be exactly the analysis from scratch: same tree, findings, fixes and graph.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Node } from 'jsonc-parser';
import { analyze, type Analysis } from '../../../server/src/engine/index';
import { changedSpan } from '../../../server/src/engine/incremental';
import { SourceText } from '../../../server/src/engine/text';
import { generateTaskDefinition } from '../../../bench/generate';
import { mutate, mutationArb, seedDocuments } from '../../support/fuzzing';
import { plainTree } from '../../support/trees';

/** Everything a user can see of an analysis, as plain data. */
function seen(a: Analysis): unknown {
  return {
    tree: plainTree(a.parsed.root),
    errors: a.parsed.syntaxErrors,
    kind: a.parsed.kind,
    skipped: a.parsed.skipped,
    findings: JSON.parse(JSON.stringify(a.findings)),
    failures: a.ruleFailures.map((f) => f.rule),
    graph: JSON.parse(JSON.stringify(a.graph() ?? null)),
  };
}

/** Analyses `after` from scratch and from the analysis of `before`; both must agree. */
function agree(
  before: string,
  after: string,
  previous = analyze(before),
): { analysis: Analysis; reused: boolean } {
  const oldRoot = previous.parsed.root;
  const incremental = analyze(after, { previous });
  const reused = oldRoot !== undefined && incremental.parsed.root === oldRoot;
  assert.deepEqual(
    seen(incremental),
    seen(analyze(after)),
    `after the edit ${JSON.stringify(changedSpan(before, after))}`,
  );
  return { analysis: incremental, reused };
}

/** Offsets of string values (not keys) in a text, to type into. */
function valueOffsets(a: Analysis): number[] {
  const out: number[] = [];
  const visit = (n: Node | undefined) => {
    if (!n) return;
    if (n.type === 'string' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n))
      out.push(n.offset + 1 + Math.floor((n.length - 2) / 2));
    n.children?.forEach(visit);
  };
  visit(a.parsed.root);
  return out;
}

describe('incremental analysis', () => {
  test('changedSpan finds the smallest differing span', () => {
    assert.deepEqual(changedSpan('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('abcdef', 'abcXdef'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedSpan('abcdef', 'abdef'), { start: 2, oldEnd: 3, newEnd: 2 });
    assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(changedSpan('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
    assert.equal(changedSpan('same', 'same'), undefined);
    const long = 'x'.repeat(3_000_000);
    assert.deepEqual(changedSpan(long + 'a' + long, long + 'bc' + long), {
      start: 3_000_000,
      oldEnd: 3_000_001,
      newEnd: 3_000_002,
    });
  });

  test('the line index of the text before an edit is reused, and every position is that of a fresh index', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', '\r'), maxLength: 60 }),
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.string({ unit: fc.constantFrom('x', '\n', '\r'), maxLength: 6 }),
        (before, at, removed, inserted) => {
          const start = at % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          const old = new SourceText(before);
          old.positionAt(0); // builds its index
          const change = changedSpan(before, after);
          const derived = new SourceText(after, change ? { source: old, ...change } : undefined);
          const fresh = new SourceText(after);
          for (let k = 0; k <= after.length; k++)
            assert.deepEqual(
              derived.positionAt(k),
              fresh.positionAt(k),
              `offset ${k} of ${JSON.stringify(after)}`,
            );
          assert.equal(derived.lineCount, fresh.lineCount);
          // The old text's index was taken over; asked again, it builds a correct one of its own.
          for (let k = 0; k <= before.length; k++)
            assert.deepEqual(old.positionAt(k), new SourceText(before).positionAt(k));
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
    // A paste of many lines.
    const lines = 'line\n'.repeat(5000);
    const old = new SourceText('{\n}\n');
    old.positionAt(0);
    const after = '{\n' + lines + '}\n';
    const derived = new SourceText(after, { source: old, ...changedSpan('{\n}\n', after)! });
    assert.deepEqual(
      derived.positionAt(after.length - 2),
      new SourceText(after).positionAt(after.length - 2),
    );
    assert.equal(derived.lineCount, 5003);
  });

  test('typing in a value re-parses one container, and the result is that of a full analysis', () => {
    const docs = [...seedDocuments().map((d) => d.text), generateTaskDefinition(20_000)];
    let reusedCount = 0;
    let edits = 0;
    for (const text of docs) {
      const first = analyze(text);
      if (!first.isTaskDefinition) continue;
      for (const at of valueOffsets(first).filter((_, k) => k % 7 === 0)) {
        const typed = text.slice(0, at) + 'z' + text.slice(at);
        const { reused } = agree(text, typed);
        const back = agree(typed, text);
        edits += 2;
        reusedCount += Number(reused) + Number(back.reused);
      }
    }
    assert.ok(edits > 200, `${edits} edits`);
    // Values outside container definitions (family, ARNs) are parsed whole; most are inside.
    assert.ok(
      reusedCount > edits * 0.6,
      `${reusedCount} of ${edits} edits reused the previous tree`,
    );
  });

  test('a session of edits, each analysed from the one before, never drifts from a full analysis', () => {
    const docs = seedDocuments();
    fc.assert(
      fc.property(
        fc.nat({ max: docs.length - 1 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
        (i, steps) => {
          let text = docs[i]!.text;
          let previous = analyze(text);
          for (const mutations of steps) {
            const next = mutate(text, mutations);
            previous = agree(text, next, previous).analysis;
            text = next;
          }
        },
      ),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 300),
        seed: Number(process.env.FUZZ_SEED ?? 20261125),
      },
    );
  });

  test('typed character by character into a container, the previous tree is reused each time', () => {
    const text = generateTaskDefinition(20_000);
    const at = text.indexOf('"value-', text.length / 2) + 1;
    let current = text;
    let previous = analyze(current);
    let reused = 0;
    const typing = 'hello, world \\n ok';
    for (const [k, ch] of [...typing].entries()) {
      const next = current.slice(0, at + k) + ch + current.slice(at + k);
      const result = agree(current, next, previous);
      reused += Number(result.reused);
      previous = result.analysis;
      current = next;
    }
    // The lone backslash is an invalid escape until the "n" follows: that edit and the next are
    // parsed whole; every other one reuses the tree.
    assert.equal(reused, typing.length - 2);
  });

  test('a previous analysis is reused once only; an edit across containers is parsed whole', () => {
    const text = generateTaskDefinition(20_000);
    const first = analyze(text);
    const at = text.indexOf('"value-') + 1;
    const edited = text.slice(0, at) + 'q' + text.slice(at);
    const second = analyze(edited, { previous: first });
    assert.equal(second.parsed.root, first.parsed.root);
    // Reusing `first` again would start from a tree that is no longer its text's: it is refused.
    const again = analyze(edited, { previous: first });
    assert.notEqual(again.parsed.root, first.parsed.root);
    assert.deepEqual(seen(again), seen(analyze(edited)));
    // Removing a whole container spans two container definitions: a full parse.
    const second2 = analyze(edited);
    const containers = second2.parsed.containersNode!.children!;
    const cut = edited.slice(0, containers[1]!.offset) + edited.slice(containers[2]!.offset);
    const third = agree(edited, cut, second2);
    assert.equal(third.reused, false);
  });
});
