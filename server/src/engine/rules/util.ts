/** Helpers shared by several rules: name suggestions and the common fixes. */
import type { OffsetEdit, Spelling } from '../input';
import type { ContainerModel } from '../model';
import { addDependsOnEntry } from '../taskEdits';
import type { RuleContext } from './rule';

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Candidates close to `wanted` (case-insensitive, edit distance ≤ max(2, a third of its length)), closest first. */
export function closeMatches(wanted: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { c: string; d: number }[] = [];
  let compared = 0;
  for (const c of candidates) {
    // Bounded work on pathological files: names longer than any real one, or thousands of them.
    if (c === wanted || Math.abs(c.length - wanted.length) > limit || wanted.length > 255) continue;
    if (++compared > 2000) break;
    const d =
      c.toLowerCase() === wanted.toLowerCase()
        ? 0
        : levenshtein(wanted.toLowerCase(), c.toLowerCase());
    if (d <= limit) scored.push({ c, d });
  }
  return scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c)).map((s) => s.c);
}

/**
 * A path of fields as the file spells it: the whole path where the format writes it as one
 * (Terraform's `host_path` for `host.sourcePath`), else each field (`linuxParameters.devices`,
 * `LinuxParameters.Devices`).
 */
export function spellPath(spell: Spelling, path: string): string {
  const whole = spell.key(path);
  if (whole !== path) return whole;
  return path
    .split('.')
    .map((k) => spell.key(k))
    .join('.');
}

/** Edits that set `essential: false` on a container (insert it after name/image when absent). */
export function makeNonEssential(ctx: RuleContext, c: ContainerModel): OffsetEdit[] {
  return ctx.edit.setProperty(c.node, 'essential', false, {
    after: ['image', 'name'],
  });
}

/** Edits that add `{containerName, condition}` to a container's dependsOn. */
export function addDependsOn(
  ctx: RuleContext,
  dependent: ContainerModel,
  target: string,
  condition: string,
): OffsetEdit[] {
  return addDependsOnEntry(ctx.edit, dependent.node, target, condition);
}

/** Does `dependent` already declare a dependsOn on `target` (any condition)? */
export function dependsOnExplicitly(dependent: ContainerModel, target: string): boolean {
  return dependent.dependsOn.some((d) => d.containerName?.value === target);
}

/** The long-running essential containers: the ones an init container exists for. */
export function mainContainers(ctx: RuleContext, except: ContainerModel): ContainerModel[] {
  return ctx.model.containers.filter((c) => c !== except && c.essential && !ctx.inits.has(c));
}
