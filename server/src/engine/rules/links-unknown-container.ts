import { elements, str } from '../json';
import { displayName } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';
import { closeMatches } from './util';

export const linksUnknownContainer: Rule = {
  id: 'links-unknown-container',
  severity: 'error',
  summary: 'A links entry (name or name:alias) names no container of the task.',
  check(ctx) {
    const names = [...ctx.model.byName.keys()];
    for (const c of ctx.model.containers) {
      for (const el of elements(c.linksNode)) {
        const value = str(el);
        if (value === undefined) continue; // Not a string: the JSON schema reports the type.
        if (value.trim() === '') {
          ctx.report({
            at: el,
            container: c,
            message: `This ${ctx.spell.key('links')} entry of ${displayName(c)} is empty: name the container to link to ("name" or "name:alias"), or remove the entry.`,
          });
          continue;
        }
        const link = c.links.find((l) => l.node === el);
        if (!link || isPlaceholder(link.target) || ctx.model.byName.has(link.target)) continue;
        if (ctx.model.containersOpen) continue; // it may be one the file does not show
        const close = closeMatches(
          link.target,
          names.filter((n) => n !== c.name?.value),
        );
        const suggestion =
          close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
        const alias = link.alias !== undefined ? `:${link.alias}` : '';
        ctx.report({
          at: el,
          container: c,
          message: `${displayName(c)} links to "${link.target}", but no container of this task definition has that name: a link names another container of the same task, and the ECS agent refuses the whole task before any container starts ("could not find container for link ${value}").${suggestion}`,
          fixes: () =>
            close.map((n) => ({
              title: `Change ${JSON.stringify(value)} to ${JSON.stringify(n + alias)}`,
              isPreferred: close.length === 1, // the only candidate
              safe: close.length === 1,
              edits: ctx.edit.replaceValue(el, n + alias),
            })),
        });
      }
    }
  },
};
