// The GitHub Action's lint step (action.yml): runs `ecs-init-order lint` from the installed npm
// package, writes the SARIF report, shows the findings in the job log, sets the step's outputs and
// summary, and fails by the `fail-on` input. No dependencies: Node.js 20 or later, as on GitHub's
// runners. Inputs come as environment variables (action.yml maps them):
//   ECS_INIT_ORDER_PACKAGE  the installed package's folder
//   INPUT_FILES             files, directories or globs, separated by white space
//   INPUT_FORMAT            github | text | json
//   INPUT_FAIL_ON           error | warning | never
//   INPUT_SARIF_FILE        where to write the SARIF report
// Exit codes: 0 passed, 1 findings at or above fail-on, 2 bad input or the linter could not run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMATS = ['github', 'text', 'json'];
const FAIL_ON = ['error', 'warning', 'never'];
const ANNOTATION = { error: 'error', warning: 'warning', note: 'notice' };

/** A workflow command: its data and property values escaped as the runner expects. */
function command(name, properties, message) {
  const data = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${property(value)}`)
    .join(',');
  return `::${name}${list ? ` ${list}` : ''}::${data(message)}`;
}

function fail(message) {
  console.log(command('error', { title: 'ecs-init-order' }, message));
  process.exit(2);
}

function inputs() {
  const files = (process.env.INPUT_FILES ?? '.').split(/\s+/).filter(Boolean);
  const format = process.env.INPUT_FORMAT || 'github';
  const failOn = process.env.INPUT_FAIL_ON || 'error';
  const sarifFile = resolve(process.env.INPUT_SARIF_FILE || 'ecs-init-order.sarif');
  const packageDir = process.env.ECS_INIT_ORDER_PACKAGE;
  if (!FORMATS.includes(format)) fail(`format must be ${FORMATS.join(', ')} (got "${format}")`);
  if (!FAIL_ON.includes(failOn)) fail(`fail-on must be ${FAIL_ON.join(', ')} (got "${failOn}")`);
  if (files.length === 0) fail('files is empty: give files, directories or globs to lint');
  if (!packageDir) fail('ECS_INIT_ORDER_PACKAGE is not set: the install step did not run');
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const cli = resolve(packageDir, manifest.bin['ecs-init-order']);
  return { files, format, failOn, sarifFile, cli, version: manifest.version };
}

/** The CLI through this very Node.js, so that it runs the same on Linux, macOS and Windows. */
function lint(cli, format, files) {
  const run = spawnSync(process.execPath, [cli, 'lint', '--format', format, '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) fail(`cannot run ${cli}: ${run.error.message}`);
  return run;
}

function annotations(results) {
  for (const r of results) {
    const location = r.locations?.[0]?.physicalLocation;
    const region = location?.region ?? {};
    const uri = location?.artifactLocation?.uri ?? '';
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri);
    const properties = {
      file,
      line: region.startLine,
      endLine: region.endLine,
      title: `ecs-init-order: ${r.ruleId}`,
    };
    // Columns only on one line, where GitHub uses them.
    if (region.startLine === region.endLine)
      Object.assign(properties, { col: region.startColumn, endColumn: region.endColumn });
    console.log(command(ANNOTATION[r.level] ?? 'notice', properties, r.message.text));
  }
}

function summary(counts, results, version) {
  const byRule = new Map();
  for (const r of results) byRule.set(r.ruleId, (byRule.get(r.ruleId) ?? 0) + 1);
  const lines = [
    `### ECS Init Order ${version}`,
    '',
    `${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes.`,
  ];
  if (byRule.size > 0) {
    lines.push('', '| Rule | Findings |', '| --- | ---: |');
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1]))
      lines.push(`| \`${rule}\` | ${n} |`);
  }
  return `${lines.join('\n')}\n`;
}

function main() {
  const { files, format, failOn, sarifFile, cli, version } = inputs();
  const run = lint(cli, 'sarif', files);
  let sarif;
  try {
    sarif = JSON.parse(run.stdout);
  } catch {
    process.stderr.write(run.stderr);
    fail(`ecs-init-order did not write SARIF (exit ${run.status})`);
  }
  mkdirSync(dirname(sarifFile), { recursive: true });
  writeFileSync(sarifFile, `${JSON.stringify(sarif, null, 2)}\n`);

  const results = sarif.runs.flatMap((r) => r.results ?? []);
  const counts = { error: 0, warning: 0, note: 0 };
  for (const r of results) counts[r.level] = (counts[r.level] ?? 0) + 1;

  if (format === 'github') annotations(results);
  else process.stdout.write(lint(cli, format, files).stdout);
  // Unreadable files and globs that match nothing: the CLI says which on stderr.
  process.stderr.write(run.stderr);

  const shown = relative(process.cwd(), sarifFile) || sarifFile;
  console.log(
    `ecs-init-order ${version}: ${counts.error} errors, ${counts.warning} warnings, ${counts.note} notes; SARIF in ${shown}`,
  );
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(
      process.env.GITHUB_OUTPUT,
      `sarif-file=${shown}\nerrors=${counts.error}\nwarnings=${counts.warning}\n`,
    );
  if (process.env.GITHUB_STEP_SUMMARY)
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary(counts, results, version));

  if (run.status !== 0 && run.status !== 1)
    fail(`ecs-init-order could not lint every file (exit ${run.status}); see the messages above`);
  const failing =
    failOn === 'error' ? counts.error : failOn === 'warning' ? counts.error + counts.warning : 0;
  if (failing > 0) {
    console.log(
      command(
        'error',
        { title: 'ecs-init-order' },
        `${failing} finding${failing === 1 ? '' : 's'} at fail-on level "${failOn}" or above`,
      ),
    );
    process.exit(1);
  }
}

main();
