/**
 * `ecs-init-order simulate FILE [--task ID] [--exit NAME=CODE]… [--runtime NAME=SECONDS]…
 * [--unhealthy NAME]… [--format text|json]`: what the ECS agent does with the task definition, as
 * a timeline and one sentence. In a file with several task definitions (a template, a .tf file),
 * --task names one. Exit codes: 0 the task keeps running with every container started, 1 the task
 * stops or a container never starts, 2 usage or I/O errors.
 */
import {
  simulate,
  type ContainerOverride,
  type ScenarioOverrides,
  type SimulationResult,
} from '../engine/index';
import { analyzeInput, loadParsersFor, readInput } from './input';

export const SIMULATE_USAGE = `Usage: ecs-init-order simulate [options] <file>

Simulates what the ECS container agent does with a task definition: which container starts when,
which never starts, and whether the task stops. Times are seconds from the task's start; image
pulls take no time. By default init containers exit after 5 s with code 0 and the others run
until stopped.

Options:
  --task <name>                The task definition to simulate where the file has several: a
                               template's logical ID, or a Terraform resource's name (app) or
                               address (aws_ecs_task_definition.app)
  --exit <name>=<code>         The container exits with this code (after 5 s unless --runtime)
  --runtime <name>=<seconds>   The container exits after this many seconds (with code 0 unless --exit)
  --unhealthy <name>           The container's health check never passes
  --format text|json           Output format (default: text)
  -h, --help                   Show this help

Exit codes: 0 the task keeps running and every container starts, 1 the task stops or a container
never starts, 2 usage or I/O error.`;

class UsageError extends Error {}

interface Args {
  file: string;
  task?: string;
  format: 'text' | 'json';
  overrides: Map<string, ContainerOverride>;
}

function parseArgs(argv: string[]): Args | 'help' {
  const rest = [...argv];
  const files: string[] = [];
  let format: Args['format'] = 'text';
  let task: string | undefined;
  const overrides = new Map<string, ContainerOverride>();
  const override = (name: string) => {
    if (!overrides.has(name)) overrides.set(name, {});
    return overrides.get(name)!;
  };
  const value = (a: string, option: string) => {
    const v =
      a.includes('=') && a.startsWith(`${option}=`) ? a.slice(option.length + 1) : rest.shift();
    if (v === undefined) throw new UsageError(`${option} needs a value`);
    return v;
  };
  /** `name=value`; names have no `=` (ECS allows letters, digits, hyphens and underscores). */
  const pair = (v: string, option: string, what: string): [string, string] => {
    const i = v.lastIndexOf('=');
    if (i <= 0 || i === v.length - 1)
      throw new UsageError(`${option} takes <name>=<${what}> (got ${v})`);
    return [v.slice(0, i), v.slice(i + 1)];
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    const option = a.startsWith('--') ? a.split('=')[0]! : a;
    if (a === '-h' || a === '--help') return 'help';
    else if (option === '--task') {
      task = value(a, option);
    } else if (option === '--format') {
      const v = value(a, option);
      if (v !== 'text' && v !== 'json')
        throw new UsageError(`--format must be text or json (got ${v})`);
      format = v;
    } else if (option === '--exit') {
      const [name, code] = pair(value(a, option), option, 'code');
      if (!/^\d{1,3}$/.test(code) || Number(code) > 255)
        throw new UsageError(`--exit ${name}: the exit code must be 0 to 255 (got ${code})`);
      override(name).exitCode = Number(code);
    } else if (option === '--runtime') {
      const [name, secs] = pair(value(a, option), option, 'seconds');
      if (!/^\d+(\.\d+)?$/.test(secs))
        throw new UsageError(
          `--runtime ${name}: seconds must be a number, 0 or more (got ${secs})`,
        );
      override(name).runtime = Number(secs);
    } else if (option === '--unhealthy') {
      override(value(a, option)).neverHealthy = true;
    } else if (a === '--') files.push(...rest.splice(0));
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else files.push(a);
  }
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? 'no file given' : 'simulate takes one file');
  return { file: files[0]!, task, format, overrides };
}

export async function simulateCommand(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`ecs-init-order: ${error.message}\n\n${SIMULATE_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(SIMULATE_USAGE);
    return 0;
  }
  const input = readInput(args.file);
  if ('ioError' in input) {
    console.error(`ecs-init-order: ${input.ioError}`);
    return 2;
  }
  await loadParsersFor([args.file]);
  const analyzed = analyzeInput(args.file, input.text);
  const definitions = 'analysis' in analyzed ? analyzed.analysis.definitions : [];
  const names = (ds: typeof definitions) => ds.map((d) => d.input.name ?? '?').join(', ');
  // A Terraform resource is named by its address (aws_ecs_task_definition.app) or its name alone.
  const named = (d: (typeof definitions)[number]) =>
    d.input.name === args.task || d.input.name?.endsWith(`.${args.task}`);
  if (args.task !== undefined && !definitions.some(named)) {
    console.error(
      `ecs-init-order: ${args.file} has no task definition "${args.task}"${definitions.length > 0 ? ` (task definitions: ${names(definitions)})` : ''}`,
    );
    return 2;
  }
  if (args.task === undefined && definitions.length > 1) {
    console.error(
      `ecs-init-order: ${args.file} holds ${definitions.length} task definitions: choose one with --task (${names(definitions)})\n\n${SIMULATE_USAGE}`,
    );
    return 2;
  }
  const model = (args.task === undefined ? definitions[0] : definitions.find(named))?.model;
  if (!model) {
    const why =
      'skipped' in analyzed
        ? analyzed.skipped
        : (analyzed.analysis.file.skipped?.reason ?? 'nothing to simulate');
    console.error(`ecs-init-order: ${args.file}: ${why}`);
    return 2;
  }
  const containerNames = model.containers.map((c) => c.id);
  const overrides: ScenarioOverrides = {};
  for (const [name, o] of args.overrides) {
    if (!containerNames.includes(name)) {
      console.error(
        `ecs-init-order: ${args.file} has no container named "${name}" (containers: ${containerNames.join(', ')})`,
      );
      return 2;
    }
    Object.defineProperty(overrides, name, { value: o, enumerable: true });
  }
  const result = simulate(model, overrides);
  if (args.format === 'json') console.log(JSON.stringify(result, null, 2));
  else {
    // A task definition of several is named after the file (a logical ID, a resource address).
    const label = model.input.name ? `${args.file} ${model.input.name}` : args.file;
    console.log(timelineText(label, result));
  }
  const allStarted = result.containers.every((c) => c.started);
  return !result.task.stops && allStarted ? 0 : 1;
}

function secondsColumn(t: number): string {
  return `${Number.isInteger(t) ? t : Number(t.toFixed(2))} s`;
}

/** The timeline, one line per step (creation goes without saying), then notes and the outcome. */
export function timelineText(file: string, result: SimulationResult): string {
  const rows: [string, string, string, string][] = [];
  for (const e of result.timeline) {
    if (e.event === 'create') continue;
    rows.push([secondsColumn(e.at), e.container, e.event, e.detail]);
    const { task } = result;
    if (
      !task.failedBeforeStart &&
      task.stoppedBy === e.container &&
      task.stoppingAt === e.at &&
      (e.event === 'exit' || e.event === 'stopped')
    )
      rows.push([secondsColumn(e.at), 'task', 'stopping', `ECS stops the task: ${task.reason}`]);
  }
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  const lines = rows.map(
    (r) =>
      `${r[0].padStart(width(0))}  ${r[1].padEnd(width(1))}  ${r[2].padEnd(width(2))}  ${r[3]}`,
  );
  return [
    `${file}: what ECS does, in seconds from the task's start (image pulls take no time here)`,
    '',
    ...lines,
    '',
    ...result.notes.map((n) => `note: ${n}`),
    result.outcome,
  ].join('\n');
}
