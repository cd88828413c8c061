/**
 * The insertions that more than one fix (and completion) make in a task definition, each where
 * people usually write it, through the file's own editor (so in any input format).
 */
import type { Editor, OffsetEdit } from './input';
import type { Node } from './json';

/** Add `{containerName, condition}` to a container's dependsOn (after essential, image or name). */
export function addDependsOnEntry(
  edit: Editor,
  container: Node,
  target: string,
  condition: string,
): OffsetEdit[] {
  return edit.addToArrayProperty(
    container,
    'dependsOn',
    { containerName: target, condition },
    { after: ['essential', 'image', 'name'] },
  );
}

/** Add a mount point to a container that reads a volume (after its ports, command, essential or image). */
export function addMountPoint(
  edit: Editor,
  container: Node,
  mount: { sourceVolume: string; containerPath: string; readOnly?: boolean },
): OffsetEdit[] {
  return edit.addToArrayProperty(container, 'mountPoints', mount, {
    after: ['portMappings', 'command', 'essential', 'image'],
  });
}

/** Add a task volume `{ "name": … }` (after containerDefinitions). */
export function addTaskVolume(edit: Editor, task: Node, name: string): OffsetEdit[] {
  return edit.addToArrayProperty(task, 'volumes', { name }, { after: ['containerDefinitions'] });
}
