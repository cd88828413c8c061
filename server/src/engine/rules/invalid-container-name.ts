import type { OffsetEdit } from '../input';
import { NAME_PATTERN } from '../fields/index';
import { prop, str } from '../json';
import type { ContainerModel } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import type { Rule, RuleContext } from './rule';

/** ECS: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed." */
const CONTAINER_NAME = new RegExp(NAME_PATTERN);

/**
 * The name with every character ECS does not allow replaced by '-' (runs collapsed, and none left
 * at either end), at most 255 long: a valid name for any name that is not blank.
 */
export function sanitizedName(name: string): string {
  const replaced = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+(?=.)|(?<=.)-+$/g, '');
  return replaced.slice(0, 255);
}

interface Rename {
  edits: OffsetEdit[];
  /** A reference whose text is not just the name (a `name:alias` link): the title cannot name it. */
  rewritesOtherText: boolean;
  count: number;
}

/** Edits that rename `from` to `to` in the container's name and every reference to it in the file. */
function renameEverywhere(ctx: RuleContext, c: ContainerModel, from: string, to: string): Rename {
  const model = ctx.model;
  const edits: OffsetEdit[] = [...ctx.edit.replaceValue(c.name!.node, to)];
  let rewritesOtherText = false;
  let count = 0;
  for (const other of model.containers) {
    for (const dep of other.dependsOn) {
      if (dep.containerName?.value === from) {
        edits.push(...ctx.edit.replaceValue(dep.containerName.node, to));
        count++;
      }
    }
    for (const link of other.links) {
      if (link.target !== from) continue;
      edits.push(
        ...ctx.edit.replaceValue(link.node, link.alias !== undefined ? `${to}:${link.alias}` : to),
      );
      if (link.alias !== undefined) rewritesOtherText = true;
      count++;
    }
    for (const v of other.volumesFrom) {
      if (v.sourceContainer?.value === from) {
        edits.push(...ctx.edit.replaceValue(v.sourceContainer.node, to));
        count++;
      }
    }
  }
  // App Mesh: the proxy configuration names the Envoy container.
  const proxyName = prop(prop(model.task, 'proxyConfiguration'), 'containerName');
  if (str(proxyName) === from) {
    edits.push(...ctx.edit.replaceValue(proxyName!, to));
    count++;
  }
  return { edits, rewritesOtherText, count };
}

export const invalidContainerName: Rule = {
  id: 'invalid-container-name',
  severity: 'error',
  summary:
    'A container name with characters other than letters, digits, hyphens and underscores, or longer than 255.',
  check(ctx) {
    const { model } = ctx;
    const taken = new Set(model.containers.map((c) => c.name?.value));
    for (const c of model.containers) {
      if (!c.name) continue;
      const name = c.name.value;
      // Empty names are missing-required-field's; placeholders are judged once rendered.
      if (name.trim() === '' || isPlaceholder(name) || containsPlaceholder(name)) continue;
      if (CONTAINER_NAME.test(name)) continue;
      const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].map((ch) =>
        ch === ' ' ? 'spaces' : `"${ch}"`,
      );
      const why =
        bad.length > 0 ? `it contains ${bad.join(', ')}` : `it is ${name.length} characters long`;
      const fixed = sanitizedName(name);
      const rename = taken.has(fixed) ? undefined : renameEverywhere(ctx, c, name, fixed);
      taken.add(fixed);
      // Two containers with this name: references cannot say which one they meant.
      const shared = model.containers.filter((o) => o.name?.value === name).length > 1;
      ctx.report({
        schemaCovered: true, // the schema's name pattern
        at: c.name.node,
        container: c,
        message: `"${name}" is not a valid container name: ${why}. ECS allows up to 255 letters, digits, hyphens (-) and underscores (_), and rejects the task definition ("Container.name contains invalid characters").`,
        fixes: () =>
          rename
            ? [
                {
                  title: `Rename "${name}" to "${fixed}"${rename.count > 0 ? ` (and the ${rename.count === 1 ? 'reference' : `${rename.count} references`} to it)` : ''}`,
                  isPreferred: true,
                  // Every reference in the file is renamed with it; a `name:alias` link is rewritten too,
                  // which the title cannot spell out, so that case (and a duplicated name) waits for the user.
                  safe: !rename.rewritesOtherText && !shared,
                  edits: rename.edits,
                },
              ]
            : [],
      });
    }
  },
};
