/**
 * A stand-in for HashiCorp's Terraform extension, as far as ours meets it: it contributes the
 * `terraform` language id for .tf files, with a language configuration and a grammar of its own.
 * Packaged with vsce into a VSIX that code-server installs like any other (HashiCorp's own cannot
 * be downloaded here).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const MANIFEST = {
  name: 'terraform-language-stand-in',
  displayName: 'Terraform language (test stand-in)',
  description: 'Gives .tf files the terraform language id, as HashiCorp’s extension does.',
  publisher: 'ecs-init-order-tests',
  version: '0.0.1',
  license: 'MIT',
  repository: { type: 'git', url: 'https://github.com/ecs-init-order/ecs-init-order.git' },
  engines: { vscode: '^1.100.0' },
  contributes: {
    languages: [
      {
        id: 'terraform',
        aliases: ['Terraform', 'terraform'],
        extensions: ['.tf'],
        configuration: './language-configuration.json',
      },
    ],
    grammars: [
      { language: 'terraform', scopeName: 'source.terraform', path: './terraform.tmLanguage.json' },
    ],
  },
};

const GRAMMAR = {
  scopeName: 'source.terraform',
  patterns: [
    { name: 'comment.line.number-sign.terraform', match: '#.*$' },
    { name: 'string.quoted.double.terraform', begin: '"', end: '"' },
    { name: 'keyword.other.terraform', match: '\\b(resource|data|variable|locals|module)\\b' },
  ],
};

/** Writes the stand-in into `dir`, packages it, and returns the VSIX's path. */
export function terraformLanguageStub(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, 'terraform.tmLanguage.json'), JSON.stringify(GRAMMAR, null, 2));
  writeFileSync(
    join(dir, 'language-configuration.json'),
    JSON.stringify({ comments: { lineComment: '#' }, brackets: [['{', '}']] }, null, 2),
  );
  writeFileSync(join(dir, 'README.md'), '# Terraform language (test stand-in)\n\nFor tests.\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT License\n');
  const vsce = createRequire(__filename).resolve('@vscode/vsce/vsce');
  const out = join(dir, 'terraform-language-stand-in.vsix');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (run.status !== 0)
    throw new Error(`packaging the stand-in failed:\n${run.stdout}${run.stderr}`);
  return out;
}
