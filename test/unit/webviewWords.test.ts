/** The words on the graph's arrows: what each wait means, in the tooltip screen readers read too. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { edgeSentence, isolate } from '../../client/webview/words';
import { analyze, type StartOrderGraph } from '../../server/src/engine/index';

function graph(text: string): StartOrderGraph {
  const g = analyze(text, { uri: 'file:///task.json' }).graph();
  assert.ok(g);
  return g;
}

test('a volumesFrom arrow says its source is created first, not started; a link says started', () => {
  const g = graph(`{ "family": "t", "networkMode": "bridge", "containerDefinitions": [
  { "name": "assets", "essential": false },
  { "name": "db" },
  { "name": "web", "links": ["db"], "volumesFrom": [{ "sourceContainer": "assets" }] }
] }`);
  const [web, db, assets] = ['web', 'db', 'assets'].map(isolate);
  assert.deepEqual(
    g.edges.map((e) => edgeSentence(e, g)),
    [
      `${web} starts once ${db} has started. Implicit: links, condition START.`,
      `${web} starts once ${assets} has been created. Implicit: volumesFrom; ${assets} only has to be created, not started.`,
    ],
  );
});
