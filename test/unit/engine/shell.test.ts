/** The shell reader behind the health-check and secret rules: what it concludes, and where it gives up. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alwaysSucceeds, shellTokens } from '../../../server/src/engine/shell';

test('scripts that always exit 0, and what makes them', () => {
  const cases: [string, string, ('or' | 'then')?][] = [
    ['echo hello', 'echo hello'],
    ['exit 0', 'exit 0'],
    ['true # TODO: a real check', 'true'],
    [':', ':'],
    ['curl -f x || true', '|| true', 'or'],
    ['curl -f x || echo failed', '|| echo failed', 'or'],
    ['curl -f x 2>&1 >/dev/null || true', '|| true', 'or'],
    ['curl -f x; exit 0', '; exit 0', 'then'],
    ['curl x\necho done', 'echo done', 'then'],
    ['cd /app; curl x || true', '|| true', 'or'],
    ['echo a; exit 0', 'echo a; exit 0'],
    ['exit 0; curl x', 'exit 0'],
  ];
  for (const [script, why, tail] of cases) {
    const found = alwaysSucceeds(script);
    assert.ok(found, script);
    assert.equal(found.why, why, script);
    assert.equal(found.tail?.kind, tail, script);
  }
});

test('scripts that can fail, or that the reader does not follow, give no verdict', () => {
  for (const script of [
    'curl -f http://localhost/ || exit 1',
    'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE',
    'curl x || echo fail && exit 1',
    'curl x && echo ok',
    'echo ok && curl x',
    'set -e; curl x; echo ok',
    'if curl x; then exit 0; fi',
    '(curl x) || true',
    'curl x & true',
    "echo 'unclosed",
    'cat <<EOF\nx\nEOF',
    '! curl x',
    '',
  ])
    assert.equal(alwaysSucceeds(script), undefined, script);
});

test('words lose their quotes and escapes; operators inside quotes are words', () => {
  const tokens = shellTokens(
    `mysql -u root "-p$PASS word" 'a;b' c\\ d $(echo x) 2>&1 >/dev/null && x`,
  )!;
  assert.deepEqual(
    tokens.map((t) => (t.kind === 'word' ? t.text : `<${t.op}>`)),
    ['mysql', '-u', 'root', '-p$PASS word', 'a;b', 'c d', '$(echo x)', '<&&>', 'x'],
  );
});
