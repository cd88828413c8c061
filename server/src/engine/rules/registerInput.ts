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
import { properties, prop, propertyNode, type Node } from '../json';
import type { SourceText } from '../text';

export function readOnlyProperties(task: Node): Node[] {
  return properties(task).filter((p) =>
    READ_ONLY_FIELDS.includes(p.children?.[0]?.value as string),
  );
}

/** The taskDefinition wrapper of describe output: the root object's property, and the inner object. */
export function wrapperOf(root: Node | undefined): { property: Node; inner: Node } | undefined {
  const property = propertyNode(root, 'taskDefinition');
  const inner = prop(root, 'taskDefinition');
  return property && inner?.type === 'object' ? { property, inner } : undefined;
}

/**
 * The edits of "Prepare for register-task-definition": remove every read-only field and, for
 * describe output, replace the document's root with the inner object re-indented one level less
 * (the wrapper's non-empty `tags`, which registration accepts, move inside). Nothing else changes.
 */
export function prepareForRegister(
  source: SourceText,
  edit: Editor,
  root: Node,
  task: Node,
  removeFields = true,
): OffsetEdit[] {
  const removals = removeFields ? edit.removeProperties(task, readOnlyProperties(task)) : [];
  const wrapper = wrapperOf(root);
  if (!wrapper || wrapper.inner !== task) return removals;
  const inner = wrapper.inner;
  const edits = [...removals];
  const tags = prop(root, 'tags');
  if (tags?.type === 'array' && (tags.children ?? []).length > 0 && !propertyNode(inner, 'tags')) {
    edits.push(...edit.insertProperty(inner, 'tags', getNodeValue(tags)));
  }
  if (edits.some((e) => e.invalid)) return edits;
  const innerEnd = inner.offset + inner.length;
  const shifted = edits.map((e) => ({ ...e, offset: e.offset - inner.offset }));
  const innerText = applyOffsetEdits(source.text.slice(inner.offset, innerEnd), shifted);
  const outerIndent = source.indentationAt(root.offset);
  const wrapperIndent = source.indentationAt(wrapper.property.offset);
  const delta = wrapperIndent.startsWith(outerIndent)
    ? wrapperIndent.slice(outerIndent.length)
    : '';
  const dedented =
    delta === ''
      ? innerText
      : innerText
          .split(/(\r\n|\r|\n)/)
          .map((part, i) =>
            i % 2 === 0 && i > 0 && part.startsWith(delta) ? part.slice(delta.length) : part,
          )
          .join('');
  return [{ offset: root.offset, length: root.length, newText: dedented }];
}
