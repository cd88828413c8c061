import { NETWORK_MODES, wordList } from '../fields/index';
import { parentProperty } from '../json';
import { isPlaceholder } from '../placeholders';
import type { FixSpec, Rule } from './rule';

/** "${MODES}". */
const MODES = wordList(NETWORK_MODES);

export const invalidNetworkMode: Rule = {
  id: 'invalid-network-mode',
  severity: 'error',
  summary: `networkMode is not one of ${MODES} (e.g. "default": leave the field out for the default).`,
  check(ctx) {
    const node = ctx.model.networkModeNode;
    if (!ctx.model.knowsTaskLevel || !node) return;
    const value = node.type === 'string' ? (node.value as string) : undefined;
    // "<default>" is AWS's notation for "leave it out", not a template placeholder.
    const docsDefault = value !== undefined && /^<(default|nat)>$/i.test(value.trim());
    if (
      (NETWORK_MODES as readonly unknown[]).includes(value) ||
      (isPlaceholder(value) && !docsDefault)
    )
      return;
    const property = parentProperty(node);
    const remove: FixSpec | undefined = property
      ? {
          title: `Remove "${ctx.spell.key('networkMode')}" (use the default)`,
          isPreferred: false,
          safe: false,
          edits: ctx.edit.removeProperty(property),
        }
      : undefined;
    const lower = value?.trim().toLowerCase();
    const fixes: FixSpec[] = [];
    let message: string;
    if (lower !== undefined && (NETWORK_MODES as readonly string[]).includes(lower)) {
      message = `"${value}" is not a network mode: ECS accepts exactly ${MODES}, in lower case.`;
      fixes.push({
        title: `Change "${value}" to "${lower}"`,
        isPreferred: true,
        safe: true,
        edits: ctx.edit.replaceValue(node, lower),
      });
      if (remove) fixes.push(remove);
    } else if (/^<?(default|nat)>?$/.test(lower ?? '')) {
      message = `"${value}" is not a value ECS accepts for ${ctx.spell.key('networkMode')} (${MODES}). Where AWS's documentation says <default>, it means leaving the field out: then Linux tasks on EC2 use bridge and Windows tasks the Windows default (NAT). On Fargate, use awsvpc.`;
      if (remove) fixes.push({ ...remove, isPreferred: true });
      fixes.push({
        title: `Change "${value}" to "awsvpc"`,
        isPreferred: false,
        safe: false,
        edits: ctx.edit.replaceValue(node, 'awsvpc'),
      });
    } else {
      message =
        value === undefined
          ? `${ctx.spell.key('networkMode')} must be a string: ${MODES} (or leave it out for the default).`
          : value.trim() === ''
            ? `${ctx.spell.key('networkMode')} is empty: ECS accepts ${MODES}. Leave the field out for the default (bridge on Linux EC2 instances).`
            : `"${value}" is not a network mode: ECS accepts exactly ${MODES}.`;
      if (remove)
        fixes.push({ ...remove, isPreferred: value !== undefined && value.trim() === '' });
    }
    // The JSON schema's enum reports the same value, except "<default>", which it reads as a placeholder.
    ctx.report({
      at: node,
      message,
      fixes,
      schemaCovered: !isPlaceholder(value),
    });
  },
};
