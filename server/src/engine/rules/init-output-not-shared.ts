import type { OffsetEdit } from '../input';
import { displayName, type ContainerModel } from '../model';
import { mentionedPaths, writtenPaths } from '../roles';
import { addMountPoint, addTaskVolume } from '../taskEdits';
import type { Rule, RuleContext } from './rule';
import { mainContainers } from './util';

function covers(dir: string, path: string): boolean {
  const d = dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
  return path === d || path.startsWith(d === '/' ? '/' : d + '/');
}

/** The volume (and the init's mount) through which `reader` sees `path` written by `init`, if any. */
function sharedVolume(init: ContainerModel, reader: ContainerModel, path: string): boolean {
  // Mounts the file does not spell out (a placeholder) may share the path.
  if (init.mountPointsOpen || reader.mountPointsOpen || reader.volumesFromOpen) return true;
  if (reader.volumesFrom.some((v) => v.sourceContainer?.value === init.name?.value)) {
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

/** The directory to share: the path itself, or its parent when the last segment looks like a file. */
function directoryOf(path: string): string {
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (!last.includes('.')) return path;
  const parent = path.slice(0, path.lastIndexOf('/'));
  return parent === '' ? path : parent;
}

function volumeName(ctx: RuleContext, init: ContainerModel): string {
  const taken = new Set(ctx.model.volumes.map((v) => v.name?.value));
  const base = `${(init.name?.value ?? 'init').replace(/[^A-Za-z0-9_-]/g, '-')}-data`.slice(0, 240);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
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
      if (initPaths.length === 0) continue;
      const waiting = ctx.order.waitedBy.get(init)!.map((e) => e.to);
      const readers = waiting.length > 0 ? [...new Set(waiting)] : mainContainers(ctx, init);
      for (const reader of readers) {
        const readerPaths = mentionedPaths(reader);
        const path = initPaths.find((p) =>
          readerPaths.some((q) => q === p || covers(p, q) || covers(q, p)),
        );
        if (!path || sharedVolume(init, reader, path)) continue;
        const dir = directoryOf(path);
        const existing = init.mountPoints.find(
          (m) => m.containerPath && m.sourceVolume && covers(m.containerPath.value, path),
        );
        const task = ctx.model.task;
        const volume = existing ? existing.sourceVolume!.value : task ? volumeName(ctx, init) : '';
        const readerDir = existing ? existing.containerPath!.value : dir;
        const edits = (): OffsetEdit[] => [
          ...(!existing && task
            ? [
                ...addTaskVolume(ctx.edit, task, volume),
                ...ctx.edit.addToArrayProperty(
                  init.node,
                  'mountPoints',
                  { sourceVolume: volume, containerPath: dir },
                  { after: ['command', 'entryPoint', 'essential', 'image'] },
                ),
              ]
            : []),
          ...addMountPoint(ctx.edit, reader.node, {
            sourceVolume: volume,
            containerPath: readerDir,
          }),
        ];
        ctx.report({
          at: init.commandNode ?? init.nameNode ?? init.node,
          container: init,
          message: `${initName} writes ${path} and ${displayName(reader)} reads it, but each container has its own filesystem: the file reaches ${displayName(reader)} only through a shared volume (a task volume mounted in both, or ${ctx.spell.key('volumesFrom')}). If ${dir} also holds files from ${displayName(reader)}'s image, mount a dedicated directory instead, since the volume hides them.`,
          related: [
            {
              at: reader.commandNode ?? reader.nameNode ?? reader.node,
              message: `${displayName(reader)} reads ${path}`,
            },
          ],
          fixes: () =>
            volume
              ? [
                  {
                    title: existing
                      ? `Mount volume "${volume}" at ${readerDir} in ${displayName(reader)}`
                      : `Share ${dir} through a new volume "${volume}" mounted in ${initName} and ${displayName(reader)}`,
                    isPreferred: true,
                    safe: true,
                    edits: edits(),
                  },
                ]
              : [],
        });
      }
    }
  },
};
