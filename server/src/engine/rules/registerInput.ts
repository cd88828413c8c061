/**
 * What `aws ecs register-task-definition --cli-input-json` accepts: the RegisterTaskDefinition
 * request, not the describe-task-definition output. The CLI rejects any other top-level key
 * ("Unknown parameter in input"), so the fields ECS adds on registration and the `taskDefinition`
 * wrapper must go before a describe output (or a console export) can be registered again.
 */
import { getNodeValue } from 'jsonc-parser';
import { READ_ONLY_FIELDS } from '../fields/index';
import { applyOffsetEdits } from '../formats/json/edits';
import type { Editor, OffsetEdit } from '../input';
import { elements, properties, prop, propertyNode, type Node } from '../json';
import type { SourceText } from '../text';

export function readOnlyProperties(task: Node): Node[] {
  return properties(task).filter((p) =>
    READ_ONLY_FIELDS.includes(p.children?.[0]?.value as string),
  );
}

/**
 * The edits of "Prepare for register-task-definition": remove every read-only field and, for
 * describe output (`wrapper`: the root's "taskDefinition" property, whose value is `task`), replace
 * the document's root with the task re-indented one level less (the wrapper's non-empty `tags`,
 * which registration accepts, move inside). Nothing else changes.
 */
export function prepareForRegister(
  source: SourceText,
  edit: Editor,
  root: Node,
  task: Node,
  wrapper: Node | undefined,
  removeFields = true,
): OffsetEdit[] {
  const removals = removeFields ? edit.removeProperties(task, readOnlyProperties(task)) : [];
  if (!wrapper) return removals;
  const edits = [...removals];
  const tags = prop(root, 'tags');
  if (elements(tags).length > 0 && !propertyNode(task, 'tags')) {
    edits.push(...edit.insertProperty(task, 'tags', getNodeValue(tags!)));
  }
  if (edits.some((e) => e.invalid)) return edits;
  const shifted = edits.map((e) => ({ ...e, offset: e.offset - task.offset }));
  const taskText = applyOffsetEdits(
    source.text.slice(task.offset, task.offset + task.length),
    shifted,
  );
  // One level less: the indentation the wrapper's line adds to the root's. The first line starts
  // with the task's brace and the line breaks with no blank, so only the lines after change.
  const outerIndent = source.indentationAt(root.offset);
  const wrapperIndent = source.indentationAt(wrapper.offset);
  const delta = wrapperIndent.startsWith(outerIndent)
    ? wrapperIndent.slice(outerIndent.length)
    : '';
  const dedented = taskText
    .split(/(\r\n|\r|\n)/)
    .map((part) => (part.startsWith(delta) ? part.slice(delta.length) : part))
    .join('');
  return [{ offset: root.offset, length: root.length, newText: dedented }];
}
