import { displayName } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import { addTaskVolume } from '../taskEdits';
import type { FixSpec, Rule } from './rule';
import { closeMatches } from './util';

export const unknownVolume: Rule = {
  id: 'unknown-volume',
  severity: 'error',
  summary: 'A mountPoints sourceVolume names no volume of the task definition.',
  check(ctx) {
    const { model } = ctx;
    const task = model.task;
    // A bare container array has no task level: its volumes are elsewhere.
    if (!task || model.volumesOpen) return;
    const names = model.volumes.map((v) => v.name?.value).filter((n) => n !== undefined);
    // A templated volume name may render to any name: then nothing can be said.
    if (names.some((n) => isPlaceholder(n) || containsPlaceholder(n))) return;
    const known = new Set(names);
    for (const c of model.containers) {
      for (const mount of c.mountPoints) {
        const source = mount.sourceVolume;
        if (!source || isPlaceholder(source.value) || containsPlaceholder(source.value)) continue;
        const volume = source.value;
        if (volume.trim() === '') {
          ctx.report({
            at: source.node,
            container: c,
            message: `A mount point of ${displayName(c)} has an empty ${ctx.spell.key('sourceVolume')}: name the task volume to mount (one of "${ctx.spell.key('volumes')}").`,
          });
          continue;
        }
        if (known.has(volume)) continue;
        const close = closeMatches(volume, known);
        const suggestion =
          close.length > 0 ? ` Did you mean ${close.map((n) => `"${n}"`).join(' or ')}?` : '';
        const fixes: FixSpec[] = close.map((n) => ({
          title: `Change "${volume}" to "${n}"`,
          isPreferred: close.length === 1, // the only candidate
          safe: false,
          edits: ctx.edit.replaceValue(source.node, n),
        }));
        fixes.push({
          title: `Add the volume "${volume}" to the task's ${ctx.spell.key('volumes')}`,
          // With a close name the typo is the likelier mistake: then the new volume is not preferred.
          isPreferred: close.length === 0,
          safe: true,
          edits: addTaskVolume(ctx.edit, task, volume),
        });
        ctx.report({
          at: source.node,
          container: c,
          message: `${displayName(c)} mounts the volume "${volume}", but the task definition declares no volume with that name: ${ctx.spell.key('sourceVolume')} must be the name of one of the task's "${ctx.spell.key('volumes')}", so ECS rejects the task definition.${suggestion}`,
          fixes,
        });
      }
    }
  },
};
