/**
 * Shared pieces of the rule tests: the correct task definitions (as they look in real repositories
 * and consoles) on which a rule must stay silent, and, for the plain tests beside the tables
 * (ruleTester.ts), running one rule the way the engine runs it, the text a finding underlines and
 * the whole text after one of its fixes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  applyTextEdits,
  SourceText,
  type AnalysisOptions,
  type Finding,
  type Range,
} from '../../../server/src/engine/index';
import { ruleById } from '../../../server/src/engine/rules/index';
import { example, fixture } from './ruleTester';

/** Findings of one rule, run on its own through analyze() (severity overrides still apply). */
export function findingsOf(
  id: string,
  text: string,
  options: Omit<AnalysisOptions, 'rules'> = {},
): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule, `no rule "${id}" in the catalog`);
  const analysis = analyze(text, { ...options, rules: [rule] });
  assert.deepEqual(analysis.ruleFailures, [], `rule ${id} threw`);
  return analysis.findings.filter((f) => f.code === id);
}

/** The one finding of a rule on a text (fails when there are none or several). */
export function onlyFinding(
  id: string,
  text: string,
  options: Omit<AnalysisOptions, 'rules'> = {},
): Finding {
  const found = findingsOf(id, text, options);
  assert.equal(
    found.length,
    1,
    `expected exactly one ${id} finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`,
  );
  return found[0]!;
}

/** The text a range covers: what the editor underlines. */
export function underlined(text: string, range: Range): string {
  const source = new SourceText(text);
  return text.slice(source.offsetAt(range.start), source.offsetAt(range.end));
}

/** Apply one fix of a finding (by index or by exact title) and return the whole resulting text. */
export function applyFix(text: string, finding: Finding, which: number | string = 0): string {
  const fix =
    typeof which === 'number' ? finding.fixes[which] : finding.fixes.find((f) => f.title === which);
  assert.ok(
    fix,
    `finding ${finding.code} has no fix ${JSON.stringify(which)} (fixes: ${finding.fixes.map((f) => f.title).join(' | ')})`,
  );
  return applyTextEdits(text, fix.edits);
}

/** The rules these helpers' fixtures are known to be correct for. */
export const INIT_ORDER_RULES = [
  'dependency-unknown-container',
  'dependency-self',
  'dependency-cycle',
  'dependency-invalid-condition',
  'dependency-duplicate',
  'completion-condition-on-essential',
  'healthy-without-healthcheck',
  'essential-init-container',
  'init-not-awaited',
  'start-condition-on-init',
  'init-output-not-shared',
  'entrypoint-overrides-shell',
  'aws-cli-without-task-role',
  'awslogs-execution-role',
  'complete-ignores-exit-code',
] as const;

/** An init container done right: non-essential, awaited with SUCCESS, a shared volume, a shell entryPoint. */
export const INIT_DONE_RIGHT = example('fixed-task-definition.json');

/** App Mesh: the app waits for a health-checked Envoy proxy with HEALTHY. */
export const ENVOY_HEALTHY = fixture('correct/appmesh-envoy-healthy.json');

/** EC2, bridge networking: nginx links to the app (links already order the start). */
export const EC2_BRIDGE_LINKS = fixture('correct/ec2-bridge-links.json');

/** `aws ecs describe-task-definition` output: the taskDefinition wrapper and the fields ECS adds. */
export const DESCRIBE_OUTPUT = fixture('correct/describe-task-definition-output.json');

/** JSONC with comments and trailing commas, as kept in a repository next to the deploy script. */
export const JSONC_COMMENTED = fixture('correct/worker-commented.jsonc');

/** A one-container migration task run with `aws ecs run-task`: essential, and rightly so. */
export const MIGRATION_SINGLE = fixture('correct/single-container-migration.json');

/** The app with a Datadog agent sidecar (health-checked, waited for with HEALTHY). */
export const DATADOG_SIDECAR = fixture('correct/datadog-agent-sidecar.json');

/** A FireLens log router (Fluent Bit) that the app logs through; ECS orders them on its own. */
export const FIRELENS_ROUTER = fixture('correct/firelens-log-router.json');

/** Correct task definitions: none of the init-order rules may report anything on them. */
export const CORRECT_FIXTURES: Record<string, string> = {
  'init container done right (non-essential, SUCCESS, shared volume, entryPoint)': INIT_DONE_RIGHT,
  'HEALTHY on a health-checked Envoy proxy': ENVOY_HEALTHY,
  'EC2 bridge task with links': EC2_BRIDGE_LINKS,
  'describe-task-definition output': DESCRIBE_OUTPUT,
  'JSONC with comments and trailing commas': JSONC_COMMENTED,
  'single-container migration task (essential)': MIGRATION_SINGLE,
  'Datadog agent sidecar': DATADOG_SIDECAR,
  'FireLens log router': FIRELENS_ROUTER,
};

/** The shared correct fixtures: files in test/fixtures/good, as they look in repositories and consoles. */
export const GOOD_FIXTURE_DIR = 'test/fixtures/good';

export const GOOD_FIXTURES: Record<string, string> = Object.fromEntries(
  readdirSync(GOOD_FIXTURE_DIR)
    .filter((f) => /\.(json|jsonc)$/.test(f))
    .sort()
    .map((f) => [`good/${f}`, readFileSync(join(GOOD_FIXTURE_DIR, f), 'utf8')]),
);

/** Every correct task definition the rule tests know: the ones above and test/fixtures/good. */
export const ALL_CORRECT: Record<string, string> = { ...CORRECT_FIXTURES, ...GOOD_FIXTURES };

const REAL_WORLD_GOOD = 'test/fixtures/real-world/good';

/**
 * The correct documents above and the correct real-world fixtures (test/fixtures/real-world/good):
 * the real-world rules stay silent on every one of them (only register-readonly-field speaks on
 * describe output, by design).
 */
export const REAL_WORLD_CORRECT: Record<string, string> = {
  ...CORRECT_FIXTURES,
  ...Object.fromEntries(
    readdirSync(REAL_WORLD_GOOD)
      .filter((f) => /\.(json|jsonc|json\.tpl)$/.test(f) && !f.endsWith('.expected.json'))
      .sort()
      .map((f) => [`real-world/good/${f}`, readFileSync(join(REAL_WORLD_GOOD, f), 'utf8')]),
  ),
};

/**
 * `documents` without the real-world files whose sibling .expected.json lists a finding of `rule`:
 * a correct file may still carry a hint (an image at :latest), which test/unit/real-world.test.ts
 * checks where it is.
 */
export function silentCases(
  rule: string,
  documents: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(documents).filter(([name]) => {
      const file = /^real-world\/good\/(.*)\.(json|jsonc|json\.tpl)$/.exec(name);
      if (!file) return true;
      const expected = join(REAL_WORLD_GOOD, `${file[1]}.expected.json`);
      if (!existsSync(expected)) return true;
      const codes = (JSON.parse(readFileSync(expected, 'utf8')) as { code: string }[]).map(
        (e) => e.code,
      );
      return !codes.includes(rule);
    }),
  );
}
