/**
 * A task definition reads the same in every format: the example and real-world task definitions
 * and a few crafted ones, rewritten in another format (a template, a .tf file), get the same
 * findings (rule and container) as the JSON file; messages and fix titles name no field in a
 * spelling that format does not write; every fix keeps the file valid, makes its finding go and
 * changes the task definition exactly as the same fix changes the JSON file; fix-all likewise.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNodeValue } from 'jsonc-parser';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import {
  analyze,
  applyTextEdits,
  fixAll,
  type Analysis,
  type AnalysisOptions,
  type Finding,
} from '../../server/src/engine/index';

const SOURCES = [
  'examples',
  'test/fixtures/good',
  'test/fixtures/real-world/good',
  'test/fixtures/real-world/bad',
];

/** Task-definition files (not describe output, container arrays or templates with placeholders). */
function taskDefinitions(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const dir of SOURCES)
    for (const f of readdirSync(dir).sort()) {
      if (!/\.jsonc?$/.test(f) || f.endsWith('.expected.json')) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      const analysis = analyze(text);
      if (analysis.definitions[0]?.model.kind === 'task' && analysis.file.syntaxErrors.length === 0)
        out.push({ path: join(dir, f), text });
    }
  return out;
}

/** Task definitions that make the rules the files above do not reach fire, each with its fixes. */
const CRAFTED: Record<string, unknown> = {
  'crafted: dependsOn, volumes and names': {
    family: 'many-problems',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'bridge',
    cpu: '256',
    memory: '4096',
    containerDefinitions: [
      {
        name: 'init',
        image: 'busybox:1.36',
        essential: false,
        command: ['sh', '-c', 'cp -r /src /data'],
      },
      {
        name: 'app',
        image: 'nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        dependsOn: [
          { containerName: 'init', condition: 'COMPLETE' },
          { containerName: 'init', condition: 'SUCCESS' },
          { containerName: 'app', condition: 'START' },
          { containerName: 'sidecr', condition: 'START' },
          { containerName: 'side', condition: 'success' },
        ],
        environment: [{ name: 'DB_PASSWORD', value: 'hunter2hunter2' }],
        mountPoints: [{ sourceVolume: 'dat', containerPath: '/usr/share/nginx/html' }],
        volumesFrom: [{ sourceContainer: 'sid' }],
        startTimeout: 9999,
      },
      { name: 'side', image: 'envoy:1.0', essential: true },
      { name: 'side', image: 'envoy:1.1', essential: true },
      { name: 'bad name!', image: 'x:1', essential: true },
    ],
    volumes: [{ name: 'data' }],
  },
  'crafted: nothing essential, awsvpc host port': {
    family: 'many-problems-2',
    networkMode: 'awsvpc',
    containerDefinitions: [
      {
        name: 'setup',
        image: 'busybox:1.36',
        essential: false,
        memory: 128,
        command: ['sh', '-c', 'echo ok'],
      },
      {
        name: 'web',
        image: 'nginx:1.27',
        essential: false,
        memory: 256,
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        dependsOn: [
          { containerName: 'setup', condition: 'START' },
          { containerName: 'db', condition: 'SUCCESS' },
        ],
      },
      { name: 'db', image: 'postgres:16', essential: false, memory: 512 },
    ],
  },
  'crafted: SUCCESS on an essential container': {
    family: 'many-problems-3',
    containerDefinitions: [
      { name: 'migrate', image: 'flyway:10', essential: true, memory: 256, command: ['migrate'] },
      {
        name: 'api',
        image: 'api:2',
        essential: true,
        memory: 256,
        dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }],
      },
    ],
  },
};

/** Every task definition to compare: its name and its JSON text. */
export const SAME_AS_JSON_CASES = [
  ...taskDefinitions(),
  ...Object.entries(CRAFTED).map(([name, task]) => ({
    path: name,
    text: `${JSON.stringify(task, null, 2)}\n`,
  })),
];

/** Findings only one side can have: JSON's family (CloudFormation names it) and describe output. */
function comparable(f: Finding): boolean {
  if (f.code === 'register-readonly-field') return false;
  if (f.code === 'missing-required-field' && f.container === undefined && /family/.test(f.message))
    return false;
  // Sizes differ: the other format is not the JSON that registration sends.
  return f.code !== 'task-definition-too-large';
}

function keyOf(f: Finding): string {
  return `${f.code} ${f.container ?? '-'}`;
}

function summary(analysis: Analysis): string[] {
  return analysis.findings.filter(comparable).map(keyOf).sort();
}

/** The task definition as the other format's reader sees it. */
function taskValue(analysis: Analysis): string {
  return JSON.stringify(getNodeValue(analysis.definitions[0]!.input.root));
}

function jsonTaskOf(text: string): unknown {
  return getNodeValue(analyze(text).definitions[0]!.input.root);
}

/** The names (API camelCase) the other format never writes, for messages to leave out. */
export function namesMatcher(names: Iterable<string>): RegExp {
  return new RegExp(`\\b(${[...new Set(names)].join('|')})\\b`);
}

export interface OtherFormat {
  options: AnalysisOptions;
  /** The task definition (the API's value) written in the format. */
  write(task: unknown): string;
  /** Field names messages and fix titles must not use in this format. */
  foreignNames: RegExp;
}

/** The comparison, with node:test's assertions, of one JSON task definition and its rewrite. */
export function assertSameAsJson(text: string, other: OtherFormat): void {
  const written = other.write(jsonTaskOf(text));
  const read = (t: string) => analyze(t, other.options);
  const json = analyze(text);
  const mine = read(written);
  assert.deepEqual(mine.file.syntaxErrors, []);
  assert.deepEqual(mine.ruleFailures, []);
  assert.deepEqual(summary(mine), summary(json), written);

  // Messages and fix titles spell fields as the file does.
  for (const f of mine.findings)
    for (const t of [f.message, ...f.fixes.map((x) => x.title)]) {
      // ECS's own error messages, quoted as ("…"), keep the API's names.
      const word = t.replace(/\("[^"]*"\)/g, '').match(other.foreignNames);
      assert.equal(word, null, `${f.code} names ${word?.[0]}: ${t}`);
    }

  // Hovers too, on every key and value: their words come from tables in the API's spelling.
  for (const m of written.matchAll(/^(\s*(?:- )?)\w|(?:: |= )[^\s#]/gm)) {
    const offset = m.index + (m[1] !== undefined ? m[1].length : 2);
    const shown = hover(mine, mine.source.positionAt(offset));
    if (!shown) continue;
    const text = (shown.contents as MarkupContent).value
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/"[^"\n]*"/g, '""');
    const word = text.match(other.foreignNames);
    assert.equal(word, null, `the hover at ${offset} names ${word?.[0]}:\n${text}`);
  }

  // Each fix: valid syntax, its finding goes, and the same change as on the JSON. A finding's twin
  // is the JSON finding of the same rule and container, in the same place among them (both sides
  // list fields in the same order).
  const jsonFindings = json.findings.filter(comparable);
  const seen = new Map<string, number>();
  for (const f of mine.findings.filter(comparable)) {
    const nth = seen.get(keyOf(f)) ?? 0;
    seen.set(keyOf(f), nth + 1);
    const twin = jsonFindings.filter((j) => keyOf(j) === keyOf(f))[nth];
    assert.equal(twin?.fixes.length, f.fixes.length, `${f.code}: as many fixes as on the JSON`);
    for (const [i, fix] of f.fixes.entries()) {
      const jsonFix = twin!.fixes[i]!;
      const fixed = applyTextEdits(written, fix.edits);
      const after = read(fixed);
      assert.deepEqual(after.file.syntaxErrors, [], `${fix.title}:\n${fixed}`);
      const jsonAfter = other.write(jsonTaskOf(applyTextEdits(text, jsonFix.edits)));
      assert.equal(
        taskValue(after),
        taskValue(read(jsonAfter)),
        `${f.code}: "${fix.title}" changes the file as it changes the JSON:\n${fixed}`,
      );
      if (fix.isPreferred) {
        const before = mine.findings.filter((g) => keyOf(g) === keyOf(f)).length;
        const left = after.findings.filter((g) => keyOf(g) === keyOf(f)).length;
        assert.ok(left < before, `${f.code}: "${fix.title}" makes its finding go:\n${fixed}`);
      }
    }
  }

  // Fix all: valid, stable, and the same task definition as fix-all on the JSON.
  const all = fixAll(written, other.options);
  const allAfter = read(all.text);
  assert.deepEqual(allAfter.file.syntaxErrors, [], all.text);
  assert.equal(fixAll(all.text, other.options).text, all.text);
  const jsonAll = other.write(jsonTaskOf(fixAll(text).text));
  assert.equal(taskValue(allAfter), taskValue(read(jsonAll)));
}
