/**
 * Loaded by VS Code's extension host (`--extensionTestsPath`): runs every *.suite.js next to it
 * with mocha (TDD interface: suite/test), and rejects when a test fails.
 *
 * mocha's own types are not a dependency: the little of its API used here is declared below.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface MochaRunner {
  run(done: (failures: number) => void): void;
  addFile(file: string): void;
}
type MochaConstructor = new (options: {
  ui: 'tdd';
  color: boolean;
  timeout: number;
}) => MochaRunner;

export function run(): Promise<void> {
  const Mocha = require('mocha') as MochaConstructor;
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.suite.js')))
    mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve(),
    );
  });
}
