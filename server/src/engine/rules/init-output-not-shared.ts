import type { OffsetEdit } from '../input';
import { displayName, type ContainerModel, type MountPointModel } from '../model';
import { mentionedPaths, writtenPaths } from '../roles';
import { addMountPoint, addTaskVolume } from '../taskEdits';
import type { FixSpec, Rule, RuleContext } from './rule';
import { mainContainers } from './util';

/** A directory as Docker compares mount destinations: `/templates/` is `/templates` (`/` is ''). */
function withoutTrailingSlash(dir: string): string {
  return dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

function covers(dir: string, path: string): boolean {
  const d = withoutTrailingSlash(dir);
  return path === d || path.startsWith(d + '/');
}

/** The container's mount at `dir`: a second mount there would make the task fail to start. */
function mountAt(container: ContainerModel, dir: string): MountPointModel | undefined {
  return container.mountPoints.find(
    (m) =>
      m.containerPath && withoutTrailingSlash(m.containerPath.value) === withoutTrailingSlash(dir),
  );
}

/** Does `reader` get every volume of the container named `init` through volumesFrom? */
function mountsVolumesOf(reader: ContainerModel, init: string): boolean {
  return reader.volumesFrom.some((v) => v.sourceContainer?.value === init);
}

/** The volume (and the init's mount) through which `reader` sees `path` written by `init`, if any. */
function sharedVolume(init: ContainerModel, reader: ContainerModel, path: string): boolean {
  // Mounts the file does not spell out (a placeholder) may share the path.
  if (init.mountPointsOpen || reader.mountPointsOpen || reader.volumesFromOpen) return true;
  if (mountsVolumesOf(reader, init.name!.value)) {
    return init.mountPoints.some((m) => m.containerPath && covers(m.containerPath.value, path));
  }
  return init.mountPoints.some(
    (m) =>
      m.containerPath &&
      m.sourceVolume &&
      covers(m.containerPath.value, path) &&
      reader.mountPoints.some(
        (r) =>
          r.sourceVolume?.value === m.sourceVolume!.value &&
          r.containerPath &&
          covers(r.containerPath.value, path),
      ),
  );
}

/**
 * The directory to share: the path itself, or its parent when the last segment looks like a file.
 * None for a file directly in `/`: a volume cannot be mounted there.
 */
function directoryOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  if (!path.slice(slash + 1).includes('.')) return path;
  return slash > 0 ? path.slice(0, slash) : undefined;
}

/** `<init>-data`, in the characters a volume name may hold, short enough for a `-2` (255 at most). */
function volumeName(ctx: RuleContext, init: string): string {
  const taken = new Set(ctx.model.volumes.map((v) => v.name?.value));
  const base = `${init.replace(/[^A-Za-z0-9_-]/g, '-')}-data`.slice(0, 240);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/**
 * The fix that lets `reader` see `path`: mount the volume the init writes it to in the reader, or
 * when the init writes it to no volume, a volume in the init at `dir` (the one the reader mounts
 * there, or a new task volume mounted in both). A reader that already mounts something at the
 * directory gets that mount pointed at the volume, never a second mount at the same path (Docker
 * refuses to start such a container). No fix without a task to add a volume to (a bare array),
 * nor for a file directly in `/`.
 */
function shareFix(
  ctx: RuleContext,
  init: ContainerModel,
  reader: ContainerModel,
  path: string,
  dir: string | undefined,
): FixSpec | undefined {
  const initName = init.name!.value;
  const readerName = displayName(reader);
  const existing = init.mountPoints.find(
    (m) => m.containerPath && m.sourceVolume && covers(m.containerPath.value, path),
  );
  if (existing) {
    const volume = existing.sourceVolume!.value;
    const at = existing.containerPath!.value;
    const taken = mountAt(reader, at);
    if (taken)
      return {
        title: `Mount volume "${volume}" at ${at} in ${readerName}${taken.sourceVolume ? ` instead of "${taken.sourceVolume.value}"` : ''}`,
        isPreferred: true,
        // It replaces the volume the user mounted there.
        safe: !taken.sourceVolume,
        edits: ctx.edit.setProperty(taken.node, 'sourceVolume', volume),
      };
    return {
      title: `Mount volume "${volume}" at ${at} in ${readerName}`,
      isPreferred: true,
      safe: true,
      edits: addMountPoint(ctx.edit, reader.node, { sourceVolume: volume, containerPath: at }),
    };
  }
  if (dir === undefined) return undefined;
  // A mount at the directory here names no volume (no volume, or it would hold the path): name one.
  const initMountAtDir = mountAt(init, dir);
  const initMount = (volume: string): OffsetEdit[] =>
    initMountAtDir
      ? ctx.edit.setProperty(initMountAtDir.node, 'sourceVolume', volume)
      : ctx.edit.addToArrayProperty(
          init.node,
          'mountPoints',
          { sourceVolume: volume, containerPath: dir },
          // An init that writes has a command or an entry point.
          { after: ['command', 'entryPoint'] },
        );
  const readerMount = mountAt(reader, dir);
  if (readerMount?.sourceVolume)
    return {
      title: `Mount volume "${readerMount.sourceVolume.value}" at ${dir} in ${initName}`,
      isPreferred: true,
      safe: true,
      edits: initMount(readerMount.sourceVolume.value),
    };
  const task = ctx.model.task;
  if (!task) return undefined;
  const volume = volumeName(ctx, initName);
  // Through volumesFrom the reader mounts the new volume where the init does.
  const throughVolumesFrom = mountsVolumesOf(reader, initName);
  const inReader = throughVolumesFrom
    ? []
    : readerMount
      ? ctx.edit.setProperty(readerMount.node, 'sourceVolume', volume)
      : addMountPoint(ctx.edit, reader.node, { sourceVolume: volume, containerPath: dir });
  return {
    title: throughVolumesFrom
      ? `Share ${dir} through a new volume "${volume}" mounted in ${initName}, whose volumes ${readerName} mounts (${ctx.spell.key('volumesFrom')})`
      : `Share ${dir} through a new volume "${volume}" mounted in ${initName} and ${readerName}`,
    isPreferred: true,
    safe: true,
    edits: [...addTaskVolume(ctx.edit, task, volume), ...initMount(volume), ...inReader],
  };
}

export const initOutputNotShared: Rule = {
  id: 'init-output-not-shared',
  severity: 'warning',
  summary: 'An init container writes a path another container reads, but they share no volume.',
  check(ctx) {
    for (const init of ctx.inits) {
      const initName = init.name?.value;
      if (!initName) continue;
      const initPaths = writtenPaths(init);
      const waiting = ctx.order.waitedBy.get(init)!.map((e) => e.to);
      const readers = waiting.length > 0 ? [...new Set(waiting)] : mainContainers(ctx, init);
      for (const reader of readers) {
        const readerPaths = mentionedPaths(reader);
        const path = initPaths.find((p) => readerPaths.some((q) => covers(p, q) || covers(q, p)));
        if (!path || sharedVolume(init, reader, path)) continue;
        const dir = directoryOf(path);
        ctx.report({
          at: init.commandNode ?? init.nameNode ?? init.node,
          container: init,
          message: `${initName} writes ${path} and ${displayName(reader)} reads it, but each container has its own filesystem: the file reaches ${displayName(reader)} only through a shared volume (a task volume mounted in both, or ${ctx.spell.key('volumesFrom')}). ${dir ? `If ${dir} also holds files from ${displayName(reader)}'s image, mount a dedicated directory instead, since the volume hides them.` : `A volume cannot be mounted at /: write ${path} into a directory of its own in both containers and share that.`}`,
          related: [
            {
              at: reader.commandNode ?? reader.nameNode ?? reader.node,
              message: `${displayName(reader)} reads ${path}`,
            },
          ],
          fixes: () => {
            const fix = shareFix(ctx, init, reader, path, dir);
            return fix ? [fix] : [];
          },
        });
      }
    }
  },
};
