/**
 * The correct real-world fixtures (test/fixtures/real-world/good), for the "does not fire" tests
 * of the real-world rules: each rule must stay silent on every one of them (only
 * register-readonly-field speaks on describe output, by design).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORRECT_FIXTURES } from './helpers';

const DIR = 'test/fixtures/real-world/good';

export const REAL_WORLD_CORRECT: Record<string, string> = {
  ...CORRECT_FIXTURES,
  ...Object.fromEntries(
    readdirSync(DIR)
      .filter((f) => /\.(json|jsonc|json\.tpl)$/.test(f) && !f.endsWith('.expected.json'))
      .sort()
      .map((f) => [`real-world/good/${f}`, readFileSync(join(DIR, f), 'utf8')]),
  ),
};
