/**
 * The Neovim setup of docs/editors.md, run as written in Neovim (Debian's package; an LSP client
 * nobody here wrote), headless: the Lua block the doc marks as tested is the whole init.lua, the
 * language server is found on the PATH as `ecs-init-order-language-server` (a launcher of
 * dist/server.js), and Neovim opens a copy of the seed. What Neovim holds as diagnostics is
 * written to a file and compared with what the seed has.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureServerBuilt } from '../lsp/client';

const MARKER = '<!-- test/distribution/neovim.test.ts runs the next block';

/** The Lua block that follows the marker in docs/editors.md. */
function documentedSetup(): string {
  const doc = readFileSync('docs/editors.md', 'utf8');
  const at = doc.indexOf(MARKER);
  assert.ok(at >= 0, 'docs/editors.md marks the Neovim block it tests');
  const block = /```lua\n([\s\S]*?)```/.exec(doc.slice(at));
  assert.ok(block, 'a ```lua block follows the marker');
  return block[1]!;
}

/** Opens the file and writes what Neovim holds as diagnostics once the server has published. */
const HARNESS = `
local published = 0
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  published = published + 1
end
vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.TARGET))
local seen = vim.wait(30000, function() return published > 0 end, 50)
-- Settings may arrive after a first publish: wait until none has come for 500 ms.
local last, still = published, 0
while seen and still < 500 do
  vim.wait(100)
  if published == last then still = still + 100 else last, still = published, 0 end
end
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, { code = d.code, line = d.lnum, source = d.source, severity = d.severity })
end
local clients = {}
for _, c in pairs(vim.lsp.get_active_clients()) do table.insert(clients, c.name) end
vim.fn.writefile({ vim.fn.json_encode({
  version = vim.version(), filetype = vim.bo.filetype, clients = clients, published = published,
  diagnostics = diagnostics,
}) }, vim.env.RESULT)
vim.cmd('qa!')
`;

interface NeovimResult {
  version: { major: number; minor: number; patch: number };
  published: number;
  filetype: string;
  clients: string[];
  diagnostics: { code: string; line: number; source: string; severity: number }[];
}

let temp: string;
before(async () => {
  await ensureServerBuilt();
  temp = mkdtempSync(join(tmpdir(), 'ecs-init-order-neovim-'));
  mkdirSync(join(temp, 'bin'));
  const launcher = join(temp, 'bin', 'ecs-init-order-language-server');
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec "${process.execPath}" "${resolve('dist/server.js')}" "$@"\n`,
  );
  chmodSync(launcher, 0o755);
});
after(() => rmSync(temp, { recursive: true, force: true }));

function openInNeovim(file: string): NeovimResult {
  copyFileSync(resolve('examples', file), join(temp, file));
  writeFileSync(join(temp, 'init.lua'), documentedSetup());
  writeFileSync(join(temp, 'harness.lua'), HARNESS);
  const result = join(temp, 'result.json');
  rmSync(result, { force: true });
  const run = spawnSync(
    'nvim',
    ['--headless', '-n', '-i', 'NONE', '-u', 'init.lua', '-c', 'luafile harness.lua'],
    {
      cwd: temp,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: `${join(temp, 'bin')}${delimiter}${process.env.PATH}`,
        TARGET: join(temp, file),
        RESULT: result,
        // No user configuration, plugins or state of whoever runs the tests.
        XDG_CONFIG_HOME: join(temp, 'config'),
        XDG_DATA_HOME: join(temp, 'data'),
        XDG_STATE_HOME: join(temp, 'state'),
        XDG_CACHE_HOME: join(temp, 'cache'),
      },
    },
  );
  assert.ok(!run.error, `nvim did not run (apt-get install neovim): ${run.error?.message}`);
  assert.ok(existsSync(result), `Neovim wrote no result:\n${run.stdout}${run.stderr}`);
  return JSON.parse(readFileSync(result, 'utf8'));
}

test('Neovim shows the seed’s findings with their rule ids, and the doc’s setting applies', () => {
  const result = openInNeovim('seed-task-definition.json');
  const { major, minor, patch } = result.version;
  assert.equal(result.filetype, 'json');
  assert.deepEqual(result.clients, ['ecs_init_order'], `Neovim ${major}.${minor}.${patch}`);
  const codes = result.diagnostics.map((d) => d.code);
  for (const code of [
    'essential-init-container',
    'init-not-awaited',
    'entrypoint-overrides-shell',
    'init-output-not-shared',
    'awslogs-execution-role',
    'aws-cli-without-task-role',
  ])
    assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  for (const d of result.diagnostics) assert.equal(d.source, 'ecs-init-order');
  // The errors (severity 1 in Neovim): the missing execution role, and the awslogs Region that
  // Fargate requires of both containers.
  assert.deepEqual(
    result.diagnostics.filter((d) => d.severity === 1).map((d) => d.code),
    ['awslogs-execution-role', 'awslogs-missing-option', 'awslogs-missing-option'],
  );
  // docs/editors.md turns image-latest-tag off: the seed's :latest image is not reported.
  assert.ok(!codes.includes('image-latest-tag'), codes.join(', '));
});

test('a correct task definition gets no diagnostics in Neovim', () => {
  const result = openInNeovim('fixed-task-definition.json');
  assert.deepEqual(result.clients, ['ecs_init_order']);
  assert.ok(result.published > 0, 'the server published diagnostics for the file');
  assert.deepEqual(result.diagnostics, []);
});
