import { displayName, waits } from '../model';
import { looksLikeInit } from '../roles';
import type { Rule } from './rule';

export const completeIgnoresExitCode: Rule = {
  id: 'complete-ignores-exit-code',
  severity: 'hint',
  summary:
    'COMPLETE on an init container also starts the app when the setup failed; SUCCESS is probably meant.',
  check(ctx) {
    for (const { container: c, dep, target } of waits(ctx.model)) {
      if (dep.condition?.value !== 'COMPLETE' || !looksLikeInit(target)) continue;
      ctx.report({
        at: dep.condition.node,
        container: c,
        message: `COMPLETE starts ${displayName(c)} once ${displayName(target)} has exited with any exit code, also when the setup failed. SUCCESS waits for exit code 0.`,
        fixes: [
          {
            title: 'Change "COMPLETE" to "SUCCESS"',
            isPreferred: true,
            safe: false,
            edits: ctx.edit.replaceValue(dep.condition.node, 'SUCCESS'),
          },
        ],
      });
    }
  },
};
