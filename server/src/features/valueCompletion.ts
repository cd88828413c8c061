/**
 * The values completion offers where a name or a condition goes: the other containers (in
 * `dependsOn[].containerName`, `volumesFrom[].sourceContainer`, `links`), the task volumes (in
 * `mountPoints[].sourceVolume`) and the four conditions, the likely one first. Task-definition JSON
 * and templates share them; each writes the value in its own syntax (ValueWriting).
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Range,
} from 'vscode-languageserver-types';
import {
  type Condition,
  CONDITION_FACTS,
  CONDITIONS,
  type ContainerModel,
  type DependencyModel,
  displayName,
  initContainers,
  type TaskModel,
  waitsForExit,
} from '../engine/index';

/** How a completed value is written: a JSON string, or a scalar in a template's own syntax. */
export interface ValueWriting {
  /** The value's text. */
  text(value: string): string;
  /** What VS Code matches the typed text against, given the value's text and its label. */
  filter(text: string, label: string): string;
}

/** A JSON string, quotes included (the replaced range includes the typed quote). */
export const JSON_VALUE: ValueWriting = {
  text: (value) => JSON.stringify(value),
  filter: (text) => text,
};

function valueItem(
  label: string,
  kind: CompletionItemKind,
  range: Range,
  detail: string | undefined,
  sortText: string,
  writing: ValueWriting,
): CompletionItem {
  const newText = writing.text(label);
  const item: CompletionItem = {
    label,
    kind,
    textEdit: { range, newText },
    filterText: writing.filter(newText, label),
    sortText,
    insertTextFormat: InsertTextFormat.PlainText,
  };
  if (detail) item.detail = detail;
  return item;
}

export function containerNameItems(
  model: TaskModel,
  self: ContainerModel,
  range: Range,
  writing: ValueWriting,
): CompletionItem[] {
  const inits = initContainers(model);
  return model.containers
    .filter(
      (c) =>
        c !== self &&
        c.name?.value &&
        c.name.value !== self.name?.value &&
        model.byName.get(c.name.value) === c,
    )
    .map((c, i) => {
      const facts = [
        c.image?.value,
        c.essential ? 'essential' : 'not essential',
        inits.has(c) ? 'init container' : undefined,
        c.healthCheckNode ? 'has a healthCheck' : undefined,
      ];
      return valueItem(
        c.name!.value,
        CompletionItemKind.Reference,
        range,
        facts.filter(Boolean).join(' · '),
        String(i).padStart(4, '0'),
        writing,
      );
    });
}

export function volumeItems(
  model: TaskModel,
  range: Range,
  writing: ValueWriting,
): CompletionItem[] {
  const names = [
    ...new Set(model.volumes.map((v) => v.name?.value).filter((n): n is string => !!n)),
  ];
  return names.map((n, i) => {
    const users = model.containers
      .filter((c) => c.mountPoints.some((m) => m.sourceVolume?.value === n))
      .map(displayName);
    return valueItem(
      n,
      CompletionItemKind.Folder,
      range,
      users.length > 0 ? `task volume · mounted by ${users.join(', ')}` : 'task volume',
      String(i).padStart(4, '0'),
      writing,
    );
  });
}

/** The conditions, the likely one first: SUCCESS for an init container, HEALTHY for one with a healthCheck. */
export function conditionOrder(target: ContainerModel | undefined, isInit: boolean): Condition[] {
  if (target && isInit) return ['SUCCESS', 'COMPLETE', 'START', 'HEALTHY'];
  if (target?.healthCheckNode) return ['HEALTHY', 'START', 'SUCCESS', 'COMPLETE'];
  return [...CONDITIONS];
}

/** The four conditions for the dependsOn entry `dep`, the likely one first. */
export function conditionItems(
  model: TaskModel,
  dep: DependencyModel | undefined,
  range: Range,
  writing: ValueWriting,
): CompletionItem[] {
  const targetName = dep?.containerName?.value;
  const target = targetName ? model.byName.get(targetName) : undefined;
  const order = conditionOrder(target, target ? initContainers(model).has(target) : false);
  return order.map((cond, i) => {
    const item = valueItem(
      cond,
      CompletionItemKind.EnumMember,
      range,
      CONDITION_FACTS[cond].meaning.replace(
        'the other container',
        targetName ?? 'the other container',
      ),
      String(i),
      writing,
    );
    const warnings: string[] = [];
    if (target && waitsForExit(cond) && target.essential)
      warnings.push(`⚠ ${displayName(target)} is essential: ECS does not accept ${cond} on it.`);
    if (target && cond === 'HEALTHY' && !target.healthCheckNode)
      warnings.push(`⚠ ${displayName(target)} has no healthCheck.`);
    item.documentation = {
      kind: MarkupKind.Markdown,
      value: [
        `Wait until ${CONDITION_FACTS[cond].meaning}.`,
        '',
        ...CONDITION_FACTS[cond].constraints.map((l) => `- ${l}`),
        ...warnings.map((w) => `- ${w}`),
      ].join('\n'),
    };
    if (i === 0) item.preselect = true;
    return item;
  });
}
