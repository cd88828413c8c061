// `npm run mutate [area | file ...]`: mutation testing of the engine with StrykerJS. Stryker changes
// one thing in the code at a time (a condition, an operator, a string) and runs the tests that
// cover it; a change no test notices (a survivor) is behaviour the tests do not pin down.
//
// Each area is a separate Stryker run: the files it mutates and the tests that cover them. The tap
// runner runs every test file in a process of its own and records which mutants each file reaches,
// so a mutant runs only against the test files that reach it. Areas whose files are not there
// (an input format not yet added) are skipped. Reports: reports/mutation/<area>.html and .json
// (git-ignored); the closing table gives the score of every file.
//
//   npm run mutate                          every area
//   npm run mutate -- rules start-order     some areas
//   npm run mutate -- server/src/engine/rules/dependency-cycle.ts   one file, with its own tests
//
// Not part of `npm test`: a full run takes tens of minutes on two cores (docs/testing.md).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { matchesGlob } from '../shared/src/glob';

type MutantResult = Awaited<ReturnType<Stryker['runMutationTest']>>[number];

interface Area {
  name: string;
  /** Stryker's `mutate` patterns; `!` excludes. */
  mutate: string[];
  /** The test files (globs) that cover a file of the area. */
  tests: (file: string) => string[];
}

const RULES = 'server/src/engine/rules';

/** The rule files that import `helper` (a module of the rules folder), directly or through others. */
function importersOf(helper: string): string[] {
  const files = readdirSync(RULES).filter((f) => f.endsWith('.ts'));
  const found = new Set<string>();
  const pending = [basename(helper, '.ts')];
  while (pending.length > 0) {
    const module = pending.pop()!;
    for (const f of files) {
      const source = readFileSync(join(RULES, f), 'utf8');
      if (found.has(f) || !source.includes(`from './${module}'`)) continue;
      found.add(f);
      pending.push(basename(f, '.ts'));
    }
  }
  return [...found];
}

/**
 * The file's own table (test/unit/rules/<file>.test.ts) and those of the rules that import it (a
 * helper the rules share has no table of its own), the correct fixtures, and the docs test, which
 * holds each rule's summary to the README's table of rules.
 */
function ruleTests(file: string): string[] {
  const table = (f: string) => join('test/unit/rules', basename(f).replace(/\.ts$/, '.test.ts'));
  const tables = [file, ...importersOf(file)].map(table).filter(existsSync);
  return [...tables, 'test/unit/rules/good-fixtures.test.ts', 'test/unit/docs.test.ts'];
}

/**
 * The tests of one adapter file: those about what it does, fastest first (a killed mutant stops at
 * the first failing file). Every test of an area reaches every file of it (each reads or edits a
 * template), so the area's whole list would run for each survivor; the CLI tests, which run the
 * bundle in a child process, and the timing-bound pathological sizes would slow every mutant down.
 */
function adapterTests(folder: string, byFile: Record<string, string[]>) {
  return (file: string): string[] =>
    (byFile[basename(file, '.ts')] ?? byFile['*']!).map((t) => `test/unit/${folder}/${t}.test.ts`);
}

const cloudformationTests = adapterTests('cloudformation', {
  // The editors and the YAML text they write.
  yamlEdits: ['edits'],
  templateEditor: ['edits'],
  yamlText: ['edits', 'read'],
  // Depth and size limits live in the tree builder.
  yamlTree: ['read', 'edits', 'pathological'],
  index: ['read', 'detect', 'edits'],
  // The reader (with the types and origins it records for the editors), its intrinsics and its
  // table of properties. (sameAsJson, which reads every case in every style, takes over ten
  // seconds a run: too slow for each survivor.)
  '*': ['read', 'edits'],
});

const terraformTests = adapterTests('terraform', {
  edits: ['fixes'],
  write: ['fixes'],
  heredoc: ['reader', 'fixes'],
  hcl: ['reader', 'fixes'],
  parser: ['reader', 'fixes'],
  syntax: ['reader', 'fixes'],
  '*': ['reader'],
});

const AREAS: Area[] = [
  {
    name: 'start-order',
    mutate: ['server/src/engine/startOrder.ts'],
    tests: () => [
      'test/unit/engine/startOrder.test.ts',
      'test/unit/engine/graph.test.ts',
      'test/unit/rules/dependency-cycle.test.ts',
      'test/unit/rules/init-not-awaited.test.ts',
    ],
  },
  {
    name: 'rules',
    // index.ts is the catalog and rule.ts the contract (types and a URL): no behaviour of a rule.
    mutate: [`${RULES}/*.ts`, `!${RULES}/index.ts`, `!${RULES}/rule.ts`],
    tests: ruleTests,
  },
  {
    name: 'json-edits',
    mutate: ['server/src/engine/formats/json/edits.ts'],
    tests: () => [
      'test/unit/engine/edits.test.ts',
      'test/unit/engine/fixAll.test.ts',
      'test/unit/engine/lazyFixes.test.ts',
      'test/unit/features/completion.test.ts',
    ],
  },
  {
    name: 'cloudformation',
    // The property table is generated from AWS's schema and held to its generator by a test.
    mutate: [
      'server/src/engine/formats/cloudformation/**/*.ts',
      '!server/src/engine/formats/cloudformation/**/*.generated.ts',
    ],
    tests: cloudformationTests,
  },
  {
    name: 'terraform',
    mutate: ['server/src/engine/formats/terraform/**/*.ts'],
    tests: terraformTests,
  },
];

/** Every file under the engine's source, as a path relative to the repository. */
const SOURCES = (readdirSync('server/src/engine', { recursive: true }) as string[])
  .map((f) => join('server/src/engine', f).replace(/\\/g, '/'))
  .sort();

/** The files a list of patterns (with `!` exclusions) names. */
function filesOf(patterns: string[]): string[] {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return SOURCES.filter(
    (f) =>
      include.some((p) => matchesGlob(`/${f}`, `/${p}`)) &&
      !exclude.some((p) => matchesGlob(`/${f}`, `/${p}`)),
  );
}

interface Run {
  area: Area;
  files: string[];
}

function selectRuns(args: string[]): Run[] {
  if (args.length === 0) return AREAS.map((area) => ({ area, files: filesOf(area.mutate) }));
  return args.map((arg) => {
    const area = AREAS.find((a) => a.name === arg);
    if (area) return { area, files: filesOf(area.mutate) };
    const owner = AREAS.find((a) => filesOf(a.mutate).includes(arg));
    if (!owner) {
      const names = AREAS.map((a) => a.name).join(', ');
      throw new Error(`${arg}: neither an area (${names}) nor a file one of them mutates`);
    }
    return { area: { ...owner, name: basename(arg, '.ts') }, files: [arg] };
  });
}

async function mutate({ area, files }: Run) {
  const testFiles = [...new Set(files.flatMap((f) => area.tests(f)))];
  const stryker = new Stryker({
    mutate: files,
    testRunner: 'tap',
    tap: {
      testFiles,
      // The test files are TypeScript: tsx loads them (and the mutated engine) as `npm test` does.
      nodeArgs: ['--import', 'tsx', '--test-reporter=tap'],
      forceBail: true,
    },
    plugins: ['@stryker-mutator/tap-runner'],
    coverageAnalysis: 'perTest',
    // Not the code-server install (.cache, a link to a shared one) nor build and test output.
    ignorePatterns: ['/.cache', '/dist', '/out', '/test-artifacts', '/.vscode-test', '*.vsix'],
    tempDirName: 'reports/.stryker-tmp',
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${area.name}.html` },
    jsonReporter: { fileName: `reports/mutation/${area.name}.json` },
    clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
    // A test run of several seconds on a busy machine is not a hang.
    timeoutMS: 10000,
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  });
  const started = Date.now();
  const results = await stryker.runMutationTest();
  return { name: area.name, results, seconds: Math.round((Date.now() - started) / 1000) };
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Stryker's mutation score: detected / (detected + undetected); errors and ignored mutants do not count. */
function scores(results: MutantResult[]) {
  const byFile = new Map<string, { detected: number; undetected: number }>();
  for (const m of results) {
    const s = byFile.get(m.fileName) ?? { detected: 0, undetected: 0 };
    if (DETECTED.has(m.status)) s.detected++;
    if (UNDETECTED.has(m.status)) s.undetected++;
    byFile.set(m.fileName, s);
  }
  return [...byFile].sort(([a], [b]) => a.localeCompare(b));
}

const runs = selectRuns(process.argv.slice(2)).filter(({ area, files }) => {
  if (files.length === 0) console.log(`${area.name}: no files to mutate, skipped`);
  return files.length > 0;
});
mkdirSync('reports/mutation', { recursive: true });
const done = [];
for (const run of runs) done.push(await mutate(run));

console.log('\nMutation score per file (killed or timed out, of those that ran or had no test):');
for (const { name, results, seconds } of done) {
  console.log(`\n${name} (${seconds} s)`);
  for (const [file, { detected, undetected }] of scores(results)) {
    const total = detected + undetected;
    const score = total === 0 ? 'n/a' : `${((100 * detected) / total).toFixed(1)} %`;
    console.log(
      `  ${score.padStart(7)}  ${String(undetected).padStart(3)} undetected  ${relative(process.cwd(), file)}`,
    );
  }
}
