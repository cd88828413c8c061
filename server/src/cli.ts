/**
 * `ecs-init-order lint [--format text|json|sarif] [--fix] [--rule id=severity] <files or globs…>`
 * Exit codes: 0 without errors, 1 with errors, 2 on usage or I/O errors.
 * `ecs-init-order simulate …` is cli/simulate.ts.
 */
import { expandArguments } from './cli/glob';
import { loadParsersFor } from './cli/input';
import { lintFile, type FileResult } from './cli/lint';
import { toSarif } from './cli/sarif';
import { simulateCommand } from './cli/simulate';
import { allRules, type Finding, type SeverityOverride } from './engine/index';

const VERSION = '0.1.0';

const USAGE = `Usage: ecs-init-order lint [options] <files, directories or globs…>
       ecs-init-order simulate [options] <file>   (see ecs-init-order simulate --help)

Lints Amazon ECS task definitions: init containers, dependsOn and container start order, in
task-definition JSON files, in CloudFormation, SAM and cdk synth templates (YAML or JSON), and in
Terraform files (every aws_ecs_task_definition resource of a .tf file). Directories are searched
for *.json, *.jsonc, templates (*.yaml, *.yml, *.template) and *.tf files.

Options:
  --format text|json|sarif   Output format (default: text)
  --fix                      Apply the safe fixes in place, then report what is left
  --rule <id>=<severity>     Override a rule's severity: error, warning, info, hint or off
  --list-rules               Print the rule catalog
  -h, --help                 Show this help
  -v, --version              Print the version

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;

interface Args {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  severities: Record<string, SeverityOverride>;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' | 'version' | 'list-rules' {
  const args: Args = { format: 'text', fix: false, severities: {}, files: [] };
  const rest = [...argv];
  const command = rest.shift();
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command === '--list-rules') return 'list-rules';
  if (command !== 'lint')
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  while (rest.length > 0) {
    const a = rest.shift()!;
    if (a === '--fix') args.fix = true;
    else if (a === '-h' || a === '--help') return 'help';
    else if (a === '--list-rules') return 'list-rules';
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif (got ${v ?? 'nothing'})`);
      args.format = v;
    } else if (a === '--rule' || a.startsWith('--rule=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
      const m = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(v ?? '');
      if (!m)
        throw new UsageError(
          `--rule takes <id>=<error|warning|info|hint|off> (got ${v ?? 'nothing'})`,
        );
      if (!allRules.some((r) => r.id === m[1]))
        throw new UsageError(`unknown rule "${m[1]}" (see --list-rules)`);
      args.severities[m[1]!] = m[2] as SeverityOverride;
    } else if (a === '--') args.files.push(...rest.splice(0));
    else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new UsageError('no files given');
  return args;
}

function count(results: FileResult[], severity: Finding['severity']): number {
  return results.reduce(
    (n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length,
    0,
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : /(s|x)$/.test(word) ? 'es' : 's'}`;
}

function printText(results: FileResult[], fix: boolean): void {
  for (const r of results) {
    if (r.ioError) console.error(`${r.path}: error: ${r.ioError}`);
    else if (r.skipped) console.log(`${r.path}: skipped: ${r.skipped}`);
    for (const f of r.fixed) console.log(`${r.path}: fixed: ${f}`);
    for (const d of r.diagnostics) {
      console.log(
        `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
      );
    }
  }
  const total = results.reduce((n, r) => n + r.diagnostics.length, 0);
  const fixedCount = results.reduce((n, r) => n + r.fixed.length, 0);
  const linted = results.reduce(
    (n, r) => n + (r.skipped || r.ioError ? 0 : (r.definitions ?? 1)),
    0,
  );
  const parts = [
    `${plural(count(results, 'error'), 'error')}`,
    `${plural(count(results, 'warning'), 'warning')}`,
    `${count(results, 'info')} info`,
    `${plural(count(results, 'hint'), 'hint')}`,
  ];
  console.log(
    `\n${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(linted, 'task definition')}${fix ? `; ${plural(fixedCount, 'fix')} applied` : ''}`,
  );
}

function printJson(results: FileResult[]): void {
  const files = results.map((r) => ({
    path: r.path,
    ...(r.skipped ? { skipped: r.skipped } : {}),
    ...(r.ioError ? { error: r.ioError } : {}),
    ...(r.fixed.length > 0 ? { fixed: r.fixed } : {}),
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      range: d.range,
      fixes: d.fixes.map((f) => ({ title: f.title, isPreferred: f.isPreferred, edits: f.edits })),
    })),
  }));
  console.log(JSON.stringify({ files }, null, 2));
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'simulate') return simulateCommand(argv.slice(1));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ecs-init-order: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (parsed === 'version') {
    console.log(VERSION);
    return 0;
  }
  if (parsed === 'list-rules') {
    for (const r of allRules)
      console.log(`${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.summary}`);
    return 0;
  }
  const { files, unmatched } = expandArguments(parsed.files);
  for (const u of unmatched)
    console.error(`ecs-init-order: no task definitions or templates match "${u}"`);
  await loadParsersFor(files);
  const results = files.map((f) => lintFile(f, { fix: parsed.fix, severities: parsed.severities }));
  if (parsed.format === 'json') printJson(results);
  else if (parsed.format === 'sarif')
    console.log(JSON.stringify(toSarif(results, VERSION), null, 2));
  else printText(results, parsed.fix);
  if (unmatched.length > 0 || results.some((r) => r.ioError)) return 2;
  return count(results, 'error') > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        `ecs-init-order: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 2;
    },
  );
}
