/**
 * Runs a composite GitHub Action's steps on this machine the way a runner does: each `run` step in
 * `bash --noprofile --norc -eo pipefail`, in the workspace, with GITHUB_ACTION_PATH, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and RUNNER_TEMP set, its `env` evaluated, and step outputs read back from
 * GITHUB_OUTPUT. Expressions are limited to what an action of this kind needs (inputs, step
 * outputs, runner.temp, github.workspace, github.action_path); any other is an error, so the test
 * cannot pass over something it did not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

export interface ActionManifest {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface ActionRun {
  /** The exit code of the step that failed, or 0. */
  status: number;
  /** Everything the steps printed, as the job log shows it. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export function readAction(path: string): ActionManifest {
  return parse(readFileSync(path, 'utf8')) as ActionManifest;
}

function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

export function runAction(options: {
  actionPath: string;
  workspace: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
}): ActionRun {
  const action = readAction(join(options.actionPath, 'action.yml'));
  if (action.runs.using !== 'composite') throw new Error(`not a composite action`);
  for (const name of Object.keys(options.inputs))
    if (!(name in action.inputs)) throw new Error(`the action has no input "${name}"`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs))
    inputs[name] = options.inputs[name] ?? spec.default ?? '';

  const temp = mkdtempSync(join(tmpdir(), 'ecs-init-order-runner-'));
  const steps: Record<string, Record<string, string>> = {};
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return inputs[m[1]!] ?? '';
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr)))
        return steps[m[1]!]?.[m[2]!] ?? '';
      if (expr === 'runner.temp') return temp;
      if (expr === 'github.workspace') return options.workspace;
      if (expr === 'github.action_path') return options.actionPath;
      throw new Error(`unsupported expression: ${expr}`);
    });

  const summaryFile = join(temp, 'step-summary.md');
  let log = '';
  let status = 0;
  try {
    for (const [i, step] of action.runs.steps.entries()) {
      if (step.uses) throw new Error(`step ${i} uses ${step.uses}: not run locally`);
      if (step.shell !== 'bash') throw new Error(`step ${i}: shell ${step.shell}, expected bash`);
      const outputFile = join(temp, `output-${i}`);
      writeFileSync(outputFile, '');
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        ...options.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: options.actionPath,
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: temp,
      };
      for (const [key, value] of Object.entries(step.env ?? {})) env[key] = evaluate(String(value));
      const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: options.workspace,
        env,
        encoding: 'utf8',
      });
      log += run.stdout + run.stderr;
      if (step.id) steps[step.id] = readOutputs(outputFile);
      if (run.status !== 0) {
        status = run.status ?? 1;
        break;
      }
    }
    const outputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.outputs ?? {}))
      outputs[name] = evaluate(spec.value);
    const summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
    return { status, log, outputs, summary };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
