/**
 * The mirror of init-output-not-shared: a volume that starts empty and that every container mounts
 * read-only. Nothing in the task can put files there, so the readers see an empty directory.
 */
import { bool, keyOf, prop, properties, str } from '../json';
import { displayName, type ContainerModel, type MountPointModel, type VolumeModel } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

/**
 * A volume that starts empty: a bind mount without a host path (`{ "name": … }` or `"host": {}`).
 * A host path, a Docker volume, EFS, FSx, or a volume configured at launch can hold data before the
 * task starts; a key this does not know might too.
 */
function startsEmpty(volume: VolumeModel): boolean {
  return properties(volume.node).every((p) => {
    const key = keyOf(p);
    const value = p.children?.[1];
    if (key === 'name' || !value || value.type === 'null') return true;
    if (key === 'host') {
      if (value.type !== 'object') return false; // a placeholder: could be anything
      const path = prop(value, 'sourcePath'); // undefined for null too
      const onlyPath = properties(value).every((q) => keyOf(q) === 'sourcePath');
      return onlyPath && (!path || str(path)?.trim() === '');
    }
    if (key === 'configuredAtLaunch') return bool(value) === false;
    return false;
  });
}

interface Mount {
  container: ContainerModel;
  mount: MountPointModel;
}

export const volumeNeverWritten: Rule = {
  id: 'volume-never-written',
  severity: 'hint',
  summary:
    'A task volume that starts empty and that every container mounts read-only: nothing in the task writes it, so the readers see an empty directory.',
  check(ctx) {
    const { model } = ctx;
    // Containers, mounts or volumesFrom the file does not spell out may write it.
    // (A bare container array has no volumes.)
    if (model.containersOpen) return;
    const containers = model.containers;
    if (containers.some((c) => c.mountPointsOpen || c.volumesFromOpen)) return;
    // A mount or volumesFrom whose target is a placeholder could be a writer of any volume.
    const unknownTarget = containers.some(
      (c) =>
        c.mountPoints.some((m) => !m.sourceVolume || isPlaceholder(m.sourceVolume.value)) ||
        c.volumesFrom.some((v) => !v.sourceContainer || isPlaceholder(v.sourceContainer.value)),
    );
    if (unknownTarget) return;
    for (const volume of model.volumes) {
      // A volume named by a placeholder cannot be one a mount names: those ended the check above.
      const name = volume.name?.value;
      if (name === undefined || !startsEmpty(volume)) continue;
      const mounts: Mount[] = containers.flatMap((container) =>
        container.mountPoints
          .filter((m) => m.sourceVolume!.value === name)
          .map((mount) => ({ container, mount })),
      );
      if (mounts.length === 0) continue;
      // Only `"readOnly": true` as written says a mount cannot write (a placeholder may say false).
      if (!mounts.every(({ mount }) => mount.readOnlyNode && bool(mount.readOnlyNode) === true))
        continue;
      // An init container that mounts its output read-only: init-writes-read-only-mount says so.
      if (mounts.some(({ container }) => ctx.inits.has(container))) continue;
      // volumesFrom without readOnly gives another container the volume with write access.
      const readers = new Set(mounts.map(({ container }) => container.name?.value));
      const writerThroughVolumesFrom = containers.some((c) =>
        c.volumesFrom.some((v) => !v.readOnly && readers.has(v.sourceContainer!.value)),
      );
      if (writerThroughVolumesFrom) continue;
      const where = mounts
        .map(
          ({ container, mount }) =>
            `${displayName(container)} at ${mount.containerPath?.value ?? '?'}`,
        )
        .join(', ');
      ctx.report({
        at: volume.name!.node,
        message: `Volume "${name}" starts empty (a bind mount without a ${ctx.spell.key('sourcePath')} is a new, empty directory) and every container mounts it read-only (${where}): nothing in the task can write to it, so the readers see an empty directory. That is fine only where the image declares that path as a VOLUME, whose files ECS copies in. Otherwise let the container that produces the files mount it writable (an init container the readers wait for with SUCCESS), or use a volume that already holds them (EFS, a host path).`,
        related: mounts.map(({ container, mount }) => ({
          at: mount.readOnlyNode!,
          message: `${displayName(container)} mounts "${name}" read-only`,
        })),
      });
    }
  },
};
