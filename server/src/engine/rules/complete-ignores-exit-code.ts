import { displayName } from '../model';
import { looksLikeInit } from '../roles';
import type { Rule } from './rule';

export const completeIgnoresExitCode: Rule = {
  id: 'complete-ignores-exit-code',
  severity: 'hint',
  summary:
    'COMPLETE on an init container also starts the app when the setup failed; SUCCESS is probably meant.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      for (const dep of c.dependsOn) {
        if (dep.condition?.value !== 'COMPLETE') continue;
        const target = dep.containerName
          ? ctx.model.byName.get(dep.containerName.value)
          : undefined;
        if (!target || target === c || !looksLikeInit(target)) continue;
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
    }
  },
};
