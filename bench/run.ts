/**
 * `npm run bench`: engine per edit, the server over the wire, memory, and bundle/VSIX sizes, in one
 * run; writes bench/results.json and bench/RESULTS.md and prints each budget as met or not.
 * Not part of `npm test`: figures, never pass/fail.
 */
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { benchEngine, type EngineRow } from './engineBench';
import { generateTaskDefinition } from './generate';
import { benchLsp, type LspResults } from './lspBench';
import { serverBundleParts, type SizePart } from './size';

const quick = process.argv.includes('--quick');
const PACKAGED = '.cache/package/dist';

function size(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

async function main(): Promise<void> {
  console.log('bench: building production bundles and the VSIX …');
  execFileSync('npm', ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = readdirSync('dist').find((f) => f.endsWith('.vsix'));

  const seed = readFileSync('examples/seed-task-definition.json', 'utf8');
  const docs = [
    { label: 'seed (~1 KB)', text: seed },
    { label: '20 KB (10 containers)', text: generateTaskDefinition(20_000) },
    { label: '1 MB', text: generateTaskDefinition(1_000_000) },
    { label: '5 MB', text: generateTaskDefinition(5_000_000) },
  ];
  console.log('bench: engine per edit …');
  const engine = await benchEngine(docs, quick ? 500 : 3000);
  console.log('bench: language server over stdio …');
  const lsp = await benchLsp(
    `${PACKAGED}/server.js`,
    [
      { size: '20 KB', text: docs[1]!.text },
      { size: '1 MB', text: docs[2]!.text },
    ],
    docs[3]!.text,
    quick ? 50 : 200,
  );

  const results = {
    engine: engine.map(({ runs: _runs, ...row }) => row),
    lsp: {
      startup_ms: lsp.startup_ms,
      change_to_diagnostics: lsp.change_to_diagnostics.map(({ edits: _e, ...r }) => r),
    },
    server_rss_mb: lsp.server_rss_mb,
    // The minified bundles that go into the VSIX (scripts/package.mjs builds them in a staging copy).
    bundle_bytes: {
      client: size(`${PACKAGED}/client.js`),
      server: size(`${PACKAGED}/server.js`),
      webview: size(`${PACKAGED}/webview.js`),
    },
    vsix_bytes: vsix ? size(`dist/${vsix}`) : 0,
  };
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  const report = markdown(
    engine,
    lsp,
    results.bundle_bytes,
    results.vsix_bytes,
    serverBundleParts().parts,
  );
  const previous = existsSync('bench/RESULTS.md') ? readFileSync('bench/RESULTS.md', 'utf8') : '';
  const history = previous.includes('## History')
    ? previous.slice(previous.indexOf('## History'))
    : '## History\n\nBefore/after figures of performance work, newest first.\n';
  writeFileSync('bench/RESULTS.md', `${report}\n${history}`);
  console.log(report);
}

function budget(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

function markdown(
  engine: EngineRow[],
  lsp: LspResults,
  bundles: Record<string, number>,
  vsixBytes: number,
  serverParts: SizePart[],
): string {
  const big = engine.filter((r) => r.size_bytes >= 900_000);
  const oneMb = engine.find((r) => r.label === '1 MB')!;
  const fiveMb = engine.find((r) => r.label === '5 MB')!;
  const small = lsp.change_to_diagnostics[0]!;
  const lines = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores. Regenerate with \`npm run bench\`.`,
    '',
    '## Engine per edit (parse + model + all rules + graph)',
    '',
    'Per edit as the language server works: one character typed into a value near the middle, analysed from the previous analysis (an edit inside one container definition re-parses only the object or array around it). "From scratch" is the same analysis without the previous one, as when a file is opened. The references parse or validate the whole text, as they do on every keystroke.',
    '',
    '| Document | Size | Engine median | Engine p95 | Engine mean | From scratch median | parseTree median | JSON LS doValidation median | Engine / parseTree | Engine / doValidation |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...engine.map(
      (r) =>
        `| ${r.label} | ${r.size_bytes.toLocaleString('en')} B | ${r.median_ms} ms | ${r.p95_ms} ms | ${r.mean_ms} ms | ${r.scratch_median_ms} ms | ${r.parse_median_ms} ms | ${r.jsonls_median_ms ?? 'n/a'} ms | ${(r.median_ms / r.parse_median_ms).toFixed(2)}× | ${r.jsonls_median_ms ? (r.median_ms / r.jsonls_median_ms).toFixed(2) + '×' : 'n/a'} |`,
    ),
    '',
    '## Language server over stdio',
    '',
    `- Startup (spawn → initialize answer): ${lsp.startup_ms} ms`,
    ...lsp.change_to_diagnostics.map(
      (r) =>
        `- didChange → publishDiagnostics, ${r.size_bytes.toLocaleString('en')} B document, ${r.edits} edits: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms`,
    ),
    `- Server RSS with the 5 MB document open (a server of its own that opened it): ${lsp.server_rss_mb} MB`,
    '',
    '## Size',
    '',
    `- Bundles (minified): client ${bundles.client!.toLocaleString('en')} B, server ${bundles.server!.toLocaleString('en')} B, webview ${bundles.webview!.toLocaleString('en')} B`,
    `- VSIX: ${vsixBytes.toLocaleString('en')} B`,
    '',
    'What the server bundle is made of (esbuild metafile, minified bytes):',
    '',
    '| Part | Bytes |',
    '| --- | ---: |',
    ...serverParts.map((p) => `| ${p.part} | ${p.bytes.toLocaleString('en')} |`),
    '',
    '## Budgets',
    '',
    '| Budget | Figure | Status |',
    '| --- | --- | --- |',
    ...big.map(
      (r) =>
        `| engine ≤ 2× parseTree (${r.label}) | ${(r.median_ms / r.parse_median_ms).toFixed(2)}× | ${budget(r.median_ms <= 2 * r.parse_median_ms)} |`,
    ),
    ...engine.map((r) =>
      r.jsonls_median_ms
        ? `| engine ≤ 0.5× doValidation (${r.label}) | ${(r.median_ms / r.jsonls_median_ms).toFixed(2)}× | ${budget(r.median_ms <= 0.5 * r.jsonls_median_ms)} |`
        : `| engine ≤ 0.5× doValidation (${r.label}) | no schema | n/a |`,
    ),
    `| linear growth: 5 MB ≤ 6× 1 MB | ${(fiveMb.median_ms / oneMb.median_ms).toFixed(2)}× | ${budget(fiveMb.median_ms <= 6 * oneMb.median_ms)} |`,
    `| 20 KB change → diagnostics p95 ≤ 15 ms | ${small.p95_ms} ms | ${budget(small.p95_ms <= 15)} |`,
    `| server startup ≤ 250 ms | ${lsp.startup_ms} ms | ${budget(lsp.startup_ms <= 250)} |`,
    `| server RSS ≤ 150 MB (5 MB document open) | ${lsp.server_rss_mb} MB | ${budget(lsp.server_rss_mb <= 150)} |`,
    `| VSIX ≤ 800 KB | ${Math.round(vsixBytes / 1024)} KB | ${budget(vsixBytes > 0 && vsixBytes <= 800 * 1024)} |`,
    `| server bundle ≤ 300 KB minified | ${Math.round(bundles.server! / 1024)} KB | ${budget(bundles.server! <= 300 * 1024)} |`,
    '',
  ];
  return lines.join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
