import { keyOf, properties } from '../json';
import { displayName, type ContainerModel, type MountPointModel, type TaskModel } from '../model';
import { writtenPaths } from '../roles';
import type { Rule, RuleContext } from './rule';
import { mainContainers } from './util';

/** Is the (absolute) path the directory, written with or without a trailing slash, or under it? */
function covers(dir: string, path: string): boolean {
  const d = dir.endsWith('/') ? dir.slice(0, -1) : dir;
  return path === d || path.startsWith(`${d}/`);
}

/**
 * A task-scoped volume that starts empty: no host path, and no Docker, EFS or FSx configuration or
 * EBS volume configured at launch behind it (null counts as left out). The volumes of a bare
 * container array are not in the file: none is found.
 */
function startsEmpty(model: TaskModel, volume: string): boolean {
  const v = model.volumes.find((x) => x.name?.value === volume);
  if (!v || v.hostSourcePathNode) return false;
  return !properties(v.node).some(
    (p) =>
      /Configuration$|^configuredAtLaunch$/.test(keyOf(p) ?? '') &&
      p.children?.[1]?.type !== 'null',
  );
}

/** The containers the init prepares for: those that wait for it, else the main containers. */
function readersOf(ctx: RuleContext, init: ContainerModel): ContainerModel[] {
  const waiting = [...new Set(ctx.order.waitedBy.get(init)!.map((e) => e.to))];
  return waiting.length > 0 ? waiting : mainContainers(ctx, init);
}

function sharesWith(reader: ContainerModel, init: ContainerModel, mount: MountPointModel): boolean {
  const volume = mount.sourceVolume!.value;
  return (
    reader.mountPoints.some((m) => m.sourceVolume?.value === volume) ||
    reader.volumesFrom.some((v) => v.sourceContainer?.value === init.name?.value)
  );
}

export const initWritesReadOnlyMount: Rule = {
  id: 'init-writes-read-only-mount',
  severity: 'warning',
  summary:
    'An init container mounts the volume it prepares for the others read-only, so it cannot write to it.',
  check(ctx) {
    const { model } = ctx;
    for (const init of ctx.inits) {
      const written = writtenPaths(init);
      for (const mount of init.mountPoints) {
        if (
          !mount.readOnly ||
          !mount.readOnlyNode ||
          !mount.sourceVolume?.value ||
          !mount.containerPath?.value
        )
          continue;
        const volume = mount.sourceVolume.value;
        const readers = readersOf(ctx, init).filter((r) => sharesWith(r, init, mount));
        if (readers.length === 0) continue;
        // Evidence that the init is the writer: its command writes under the mount, or the volume
        // starts empty and no container of the task mounts it writable (so nothing else fills it).
        const writesHere = written.find((p) => covers(mount.containerPath!.value, p));
        const nobodyWrites =
          startsEmpty(model, volume) &&
          !model.containers.some((o) =>
            o.mountPoints.some((m) => m.sourceVolume?.value === volume && !m.readOnly),
          );
        if (!writesHere && !nobodyWrites) continue;
        const waits = ctx.order.waitedBy.get(init)!.filter((e) => readers.includes(e.to));
        const how =
          waits.length > 0
            ? `${readers.map(displayName).join(', ')} wait${readers.length === 1 ? 's' : ''} for it (${[...new Set(waits.map((e) => e.condition))].join(', ')}) and read${readers.length === 1 ? 's' : ''} the same volume`
            : `${readers.map(displayName).join(', ')} read${readers.length === 1 ? 's' : ''} the same volume`;
        ctx.report({
          at: mount.readOnlyNode,
          container: init,
          message: `${displayName(init)} prepares volume "${volume}" (${how}), but mounts it with ${ctx.spell.pair('readOnly', true)} at ${mount.containerPath.value}: ${writesHere ? `writing ${writesHere} fails` : 'nothing can write to it'} with "Read-only file system", so the others find it empty. Make this mount writable; the readers may stay read-only.`,
          related: readers.map((r) => ({
            at: r.nameNode ?? r.node,
            message: `${displayName(r)} reads volume "${volume}"`,
          })),
          fixes: [
            {
              title: `Make ${displayName(init)}'s mount of "${volume}" writable (${ctx.spell.pair('readOnly', false)})`,
              isPreferred: true,
              safe: true,
              edits: ctx.edit.replaceValue(mount.readOnlyNode, false),
            },
          ],
        });
      }
    }
  },
};
