/**
 * Keys ECS does not accept where they are written, read from the field table (engine/fields/), the
 * same table the JSON schema is generated from: the schema's `additionalProperties: false` rejects
 * exactly these keys, so every finding is schemaCovered (VS Code's JSON validation shows its own
 * "Property … is not allowed" there, and this rule's fixes as quick fixes).
 */
import { parse, type ParseError } from 'jsonc-parser';
import {
  CONTAINER_SHAPE,
  fieldOf,
  nestedShape,
  SHAPES,
  TASK_SHAPE,
  type FieldFacts,
  type ShapeFacts,
} from '../fields/index';
import { keyOf, objectElements, properties, type Node } from '../json';
import { displayName, type ContainerModel } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import type { Severity } from '../types';
import type { FixSpec, Rule, RuleContext } from './rule';
import { closeMatches } from './util';

/** Where an object sits: how messages name it, and the path the AWS CLI's error would print. */
interface Place {
  shape: ShapeFacts;
  /** "the task definition", "container app", "healthCheck of app". */
  words: string;
  /** `input`, `containerDefinitions[0]`, `containerDefinitions[0].healthCheck`. */
  path: string;
  container?: ContainerModel;
  /**
   * Inside a key written in another case (`healthcheck`): the schema rejects that key and does not
   * look inside it, so what is wrong in there is this rule's alone.
   */
  insideMisspelt?: true;
}

/** The same name but for case, `_` and `-`: `healthcheck`, `start_period`, `Environment`. */
function normalized(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

function sameButSpelling(shape: ShapeFacts, key: string): FieldFacts | undefined {
  const n = normalized(key);
  return shape.fields.find((f) => normalized(f.name) === n);
}

/** The value as written, when the text is plain JSON (a bare template placeholder is not). */
function writtenValue(text: string, node: Node): { value: unknown } | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text.slice(node.offset, node.offset + node.length), errors, {
    allowTrailingComma: true,
  });
  return errors.length === 0 ? { value } : undefined;
}

export const unknownField: Rule = {
  id: 'unknown-field',
  severity: 'error',
  summary:
    'A key ECS does not accept where it is written (`networkMode` inside a container, `healthcheck`, `start_period`): register-task-definition rejects it, Terraform drops it silently.',
  check(ctx) {
    const { model } = ctx;
    const containerPlace = (c: ContainerModel): Place => ({
      shape: CONTAINER_SHAPE,
      words: `container ${displayName(c)}`,
      path: `containerDefinitions[${c.index}]`,
      container: c,
    });
    const byNode = new Map(model.containers.map((c) => [c.node, c]));
    if (model.kind === 'container-array') {
      for (const c of model.containers) visit(ctx, c.node, containerPlace(c), byNode);
      return;
    }
    if (!model.task) return;
    const task: Place = { shape: TASK_SHAPE, words: 'the task definition', path: 'input' };
    if (model.kind === 'describe') {
      const describe = SHAPES.get('DescribeTaskDefinitionResponse')!;
      visit(ctx, model.root, { ...task, shape: describe, words: 'describe output' }, byNode);
    } else visit(ctx, model.task, task, byNode);
  },
};

function visit(
  ctx: RuleContext,
  obj: Node,
  place: Place,
  containers: Map<Node, ContainerModel>,
): void {
  for (const property of properties(obj)) {
    const key = keyOf(property);
    const value = property.children?.[1];
    // A key still being typed has no value yet; a placeholder key is the template's business.
    if (key === undefined || !value || isPlaceholder(key) || containsPlaceholder(key)) continue;
    if (key === '$schema' && (place.shape === TASK_SHAPE || place.path === 'input')) continue;
    // A field written in another case is still read by its shape: Terraform's provider accepts
    // `healthcheck`, and then drops a `start_period` inside it.
    const unknown = ctx.spell.unknownKey?.(key);
    const known = unknown ? undefined : fieldOf(place.shape, key);
    const field =
      known ?? report(ctx, property, unknown?.written ?? key, place, unknown?.rejection);
    if (!field) continue;
    const inner = nestedShape(field.value);
    const shape = inner ? SHAPES.get(inner) : undefined;
    if (!shape) continue;
    const misspelt = !known || place.insideMisspelt;
    // The parent as the file writes it; a format with names of its own by the field's name there.
    const parent = ctx.spell.key(unknown ? field.name : key);
    const children = value.type === 'object' ? [value] : objectElements(value);
    children.forEach((child, i) => {
      const container = containers.get(child);
      const nested: Place = container
        ? {
            shape,
            words: `container ${displayName(container)}`,
            path: `containerDefinitions[${container.index}]`,
            container,
          }
        : {
            shape,
            words: place.container
              ? `${parent} of ${displayName(place.container)}`
              : field.name === 'taskDefinition'
                ? 'the task definition'
                : `${parent} of the task definition`,
            path:
              field.name === 'taskDefinition'
                ? 'input'
                : // The path the AWS CLI prints once a misspelt parent is fixed.
                  `${place.path === 'input' ? '' : `${place.path}.`}${field.name}${value.type === 'array' ? `[${i}]` : ''}`,
            container: place.container,
          };
      visit(ctx, child, misspelt ? { ...nested, insideMisspelt: true } : nested, containers);
    });
  }
}

/**
 * Reports the key, as the file writes it; returns the field it is a misspelling of, if it is one.
 * `rejection` is how the file's format rejects it, where that is not register-task-definition.
 */
function report(
  ctx: RuleContext,
  property: Node,
  key: string,
  place: Place,
  rejection?: string,
): FieldFacts | undefined {
  const { model, spell } = ctx;
  const keyNode = property.children![0]!;
  const value = property.children![1]!;
  // Container definitions Terraform's provider decodes: it drops what it does not know.
  const bare = model.kind === 'container-array' || model.input.containersThroughTerraform === true;
  const rejected =
    rejection ??
    `register-task-definition rejects it (Unknown parameter in ${place.path}: "${key}")`;
  // A format with names of its own quotes the key as written in its rejection; the prose names
  // only fields in the file's spelling.
  const named = rejection ? 'of this name' : key;
  const dropped = `Terraform's provider drops a key it does not know without a word, and register-task-definition --container-definitions rejects it (Unknown parameter in ${place.path}: "${key}")`;
  const has = (name: string) => properties(property.parent).some((p) => keyOf(p) === name);
  const rename = (to: string, safe: boolean, preferred: boolean): FixSpec[] =>
    has(to)
      ? []
      : [
          {
            title: rejection ? `Rename to ${spell.key(to)}` : `Rename ${key} to ${spell.key(to)}`,
            isPreferred: preferred,
            safe,
            edits: ctx.edit.renameProperty(property, to),
          },
        ];
  const finding = (message: string, fixes: () => FixSpec[], severity?: Severity) =>
    ctx.report({
      at: keyNode,
      message,
      container: place.container,
      fixes,
      schemaCovered: !place.insideMisspelt,
      ...(severity ? { severity } : bare ? { severity: 'warning' as const } : {}),
    });

  // The field written in another case, or with `_` or `-` (Terraform's snake_case habit).
  const spelled = sameButSpelling(place.shape, key);
  if (spelled) {
    const caseOnly = spelled.name.toLowerCase() === key.toLowerCase();
    const message =
      bare && caseOnly
        ? `${key} is ${spell.key(spelled.name)} written in another case: Terraform's provider accepts it (Go's JSON decoding matches a key to a field whatever its case), but register-task-definition, CloudFormation and the JSON schema do not. Write ${spell.key(spelled.name)}.`
        : `ECS has no field ${named} in ${place.words}: keys are case-sensitive, and the field is ${spell.key(spelled.name)}. ${bare ? dropped : rejected}.`;
    finding(message, () => rename(spelled.name, true, true), bare && caseOnly ? 'hint' : undefined);
    return spelled;
  }

  // A field of the task written in a container, or of a container written in the task.
  const other =
    place.shape === CONTAINER_SHAPE
      ? TASK_SHAPE
      : place.shape === TASK_SHAPE
        ? CONTAINER_SHAPE
        : undefined;
  const elsewhere = other && (fieldOf(other, key) ?? sameButSpelling(other, key));
  if (other && elsewhere && !elsewhere.readOnly) {
    const level = other === TASK_SHAPE ? 'a task-level field' : 'a container field';
    const not = other === TASK_SHAPE ? 'not a container one' : 'not a task-level one';
    const where =
      other === TASK_SHAPE
        ? bare
          ? `Set it on the task definition (${spell.key(elsewhere.name)} of the resource that holds these containers).`
          : `Set it once, on the task definition.`
        : `Set it in the container that needs it.`;
    const shown = rejection ? spell.key(elsewhere.name) : key;
    finding(`${shown} is ${level}, ${not}: ${bare ? dropped : rejected}. ${where}`, () =>
      moveToTask(ctx, property, shown, elsewhere.name, value, other === TASK_SHAPE),
    );
    return;
  }

  // A typo: the closest fields of this shape.
  const close = closeMatches(
    key,
    place.shape.fields.filter((f) => !f.readOnly).map((f) => f.name),
  );
  const guess =
    close.length > 0 ? ` Did you mean ${close.slice(0, 3).map(spell.key).join(' or ')}?` : '';
  finding(
    `ECS has no field ${named} in ${place.words}.${guess} ${bare ? dropped : rejected}.`,
    () => close.slice(0, 3).flatMap((to, i) => rename(to, false, i === 0 && close.length === 1)),
  );
  return undefined;
}

/**
 * A task-level field written in a container: move it to the task when the task does not set it,
 * remove it when the task already says the same. Only plain JSON values are moved (a bare template
 * placeholder would come out quoted).
 */
function moveToTask(
  ctx: RuleContext,
  property: Node,
  shown: string,
  field: string,
  value: Node,
  toTask: boolean,
): FixSpec[] {
  const task = ctx.model.task;
  const written = writtenValue(ctx.source.text, value);
  if (!toTask || !written) return [];
  const remove: FixSpec = {
    title: `Remove ${shown} from the container`,
    isPreferred: !task,
    safe: false,
    edits: ctx.edit.removeProperty(property),
  };
  if (!task) return [remove];
  const there = properties(task).find((p) => keyOf(p) === field)?.children?.[1];
  if (there) {
    const same = writtenValue(ctx.source.text, there);
    return same && JSON.stringify(same.value) === JSON.stringify(written.value)
      ? [{ ...remove, title: `${remove.title} (the task sets the same)`, isPreferred: true }]
      : [remove];
  }
  return [
    {
      title: `Move ${shown} to the task definition`,
      isPreferred: true,
      safe: false,
      edits: [
        ...ctx.edit.removeProperty(property),
        ...ctx.edit.insertProperty(task, field, written.value, {
          after: ['requiresCompatibilities', 'executionRoleArn', 'taskRoleArn', 'family'],
        }),
      ],
    },
  ];
}
