/**
 * Hover: a container's role in the start order (on its name and on every reference to it), the
 * meaning and constraints of a dependsOn condition, and (hoverKeys.ts) the keys that shape the
 * start order, specific to the container under the cursor, each with a link to AWS's docs.
 */
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import {
  type Analysis,
  CONDITION_FACTS,
  CONDITIONS,
  CONTAINER_SHAPE,
  type ContainerModel,
  type DependencyModel,
  displayName,
  isCondition,
  isLogRouter,
  keyOf,
  knownField,
  type Node,
  SHAPES,
  type Spelling,
  waitsForExit,
  whatIfFails,
  wordList,
} from '../engine/index';
import {
  containerAt,
  contains,
  nodeRange,
  nameUseAt,
  propertyKeyAt,
  type NameUse,
} from './located';
import {
  code,
  exitConsequence,
  md,
  phaseCount,
  phaseLabel,
  reachedWords,
  waitLabel,
} from './startOrderWords';
import {
  containerKeyLines,
  fieldLink,
  type HoverContext,
  volumeLines,
  volumesKeyLines,
} from './hoverKeys';
import { yamlBooleanHover } from './yamlBooleanHover';

function result(ctx: HoverContext, node: Node, lines: string[]): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: inFileSpelling(lines.join('\n'), ctx.spell) },
    range: nodeRange(ctx.model.source, node),
  };
}

/** Every field name of the table (the API's spelling). */
const FIELD_NAMES: ReadonlySet<string> = new Set(
  [...SHAPES.values()].flatMap((shape) => shape.fields.map((f) => f.name)),
);

/**
 * The hover's field names as the file writes them (`DependsOn` in a template, `network_mode` in
 * Terraform): the words the hovers share with the schema and the rule pages are in the API's
 * spelling. A name in code (`healthCheck`), in bold (a key's title), in an `[AWS: links]` link or a
 * bare camelCase one (healthCheck) is a field; a plain lower-case word (essential, links) is left
 * as English. Link targets and quoted text
 * (ECS's own messages, JSON examples) keep the API's names.
 */
function inFileSpelling(markdown: string, spell: Spelling): string {
  if (spell.key('dependsOn') === 'dependsOn' && spell.key('networkMode') === 'networkMode')
    return markdown;
  const respell = (name: string) => (FIELD_NAMES.has(name) ? spell.key(name) : name);
  return markdown.replace(
    /(\]\([^)]*\))|("[^"\n]*")|(`|\*\*|\[AWS: )([A-Za-z]+)(?=`|\*\*|\])|\b([a-z]+[A-Z][A-Za-z]*)\b/g,
    (whole, link?: string, quoted?: string, before?: string, marked?: string, camel?: string) => {
      if (link !== undefined || quoted !== undefined) return whole;
      if (marked !== undefined) return `${before}${respell(marked)}`;
      return respell(camel!);
    },
  );
}

export function hover(analysis: Analysis, position: Position): Hover | null {
  const offset = analysis.source.offsetAt(position);
  const definition = analysis.definitionAt(offset);
  if (!definition) return null;
  const { model, order, inits } = definition;
  const ctx: HoverContext = { model, order, inits, spell: analysis.file.spelling };
  if (analysis.file.format === 'cloudformation') {
    const reading = yamlBooleanHover(analysis.source, definition, offset);
    if (reading) return reading;
  }

  const use = nameUseAt(model, offset);
  if (use?.kind === 'container') return result(ctx, use.node, containerLines(ctx, use));
  if (use?.kind === 'volume') return result(ctx, use.node, volumeLines(ctx, use.name));

  const c = containerAt(model, offset);
  if (c) {
    for (const dep of c.dependsOn) {
      const conditionKey = dep.node.children?.find((p) => keyOf(p) === 'condition')?.children?.[0];
      if (contains(dep.conditionNode, offset))
        return result(ctx, dep.conditionNode, conditionLines(ctx, c, dep));
      if (contains(conditionKey, offset))
        return result(ctx, conditionKey, conditionLines(ctx, c, dep));
    }
    const key = propertyKeyAt(c.node, offset);
    const lines = key ? containerKeyLines(ctx, c, key.key) : undefined;
    if (key && lines) return result(ctx, key.keyNode, lines);
    return null;
  }
  const taskKey = propertyKeyAt(model.task, offset);
  if (taskKey?.key === 'volumes') return result(ctx, taskKey.keyNode, volumesKeyLines(ctx));
  return null;
}

// ---- containers ---------------------------------------------------------------------------

function containerLines(ctx: HoverContext, use: NameUse): string[] {
  const { model, order } = ctx;
  const target = model.byName.get(use.name);
  const lines: string[] = [];
  const owner = use.owner;
  if (use.use !== 'declaration' && owner) lines.push(referenceSentence(use, owner, target), '');
  if (!target) {
    const names = [...model.byName.keys()];
    lines.push(
      `No container is named ${code(use.name)} in this task definition${names.length > 0 ? ` (containers: ${names.map(code).join(', ')})` : ''}.`,
    );
    return lines;
  }
  const labels = [
    ctx.inits.has(target) ? 'init container' : undefined,
    isLogRouter(target) ? 'FireLens log router' : undefined,
  ].filter(Boolean);
  const phases = phaseCount(order);
  const phase = order.phase.get(target) ?? -1;
  const where =
    phase >= 0 ? `${phaseLabel(order, target)} of ${phases}` : phaseLabel(order, target);
  lines.push(
    `**${md(displayName(target))}**${labels.length > 0 ? ` · ${labels.join(' · ')}` : ''} · ${where}`,
    '',
  );
  const waitsFor = order.waitsFor.get(target)!;
  const waitedBy = order.waitedBy.get(target)!;
  lines.push(
    waitsFor.length === 0
      ? phase === 0
        ? '- Waits for nothing: starts first.'
        : '- Waits for nothing.'
      : `- Waits for: ${waitsFor.map((e) => `${md(waitLabel(e, e.from))} — until it ${reachedWords(e.condition)}`).join('; ')}`,
  );
  lines.push(
    waitedBy.length === 0
      ? '- Nothing waits for it.'
      : `- Waited for by: ${waitedBy.map((e) => md(waitLabel(e, e.to))).join(', ')}`,
  );
  if (target.essentialUnknown)
    lines.push(
      '- `essential` is not a boolean here (a template placeholder?): until it is, it counts as essential.',
    );
  else
    lines.push(
      `- ${exitConsequence(target)}${target.essentialNode ? '' : ' (essential is true when left out)'}.`,
    );
  lines.push(`- ${md(whatIfFails(model, target))}`);
  if (phase < 0)
    lines.push(
      '- It never starts: every container on a dependency cycle waits for another one on it.',
    );
  if (target.image) lines.push(`- Image: ${code(target.image.value)}`);
  return lines;
}

function referenceSentence(
  use: NameUse,
  owner: ContainerModel,
  target: ContainerModel | undefined,
): string {
  const who = md(displayName(owner));
  const name = md(use.name);
  if (use.use === 'dependsOn') {
    const dep = owner.dependsOn.find((d) => d.containerName?.node === use.node);
    const cond = dep?.condition?.value;
    if (cond && isCondition(cond))
      return `${who} starts once ${name} ${reachedWords(cond)} (${cond}).`;
    return `${who} waits for ${name}.`;
  }
  if (use.use === 'volumesFrom')
    return `${who} mounts the volumes of ${name}${target ? `, and ECS creates ${name} first (it need not have started)` : ''}.`;
  return `${who} links to ${name}${use.alias ? ` as ${code(use.alias)}` : ''}${target ? `, and ECS starts ${name} first` : ''} (links work only in the bridge network mode).`;
}

// ---- conditions ---------------------------------------------------------------------------

function conditionLines(ctx: HoverContext, c: ContainerModel, dep: DependencyModel): string[] {
  const value = dep.condition?.value;
  const targetName = dep.containerName?.value;
  const target = targetName ? ctx.model.byName.get(targetName) : undefined;
  const other = targetName ? md(targetName) : 'the other container';
  const lines: string[] = [];
  if (value !== undefined && isCondition(value)) {
    lines.push(
      `**${value}**: ${md(displayName(c))} starts once ${CONDITION_FACTS[value].meaning.replace('the other container', other)}.`,
      '',
    );
    for (const constraint of CONDITION_FACTS[value].constraints) lines.push(`- ${constraint}`);
    if (target && waitsForExit(value) && target.essential && !target.essentialUnknown) {
      lines.push(
        `- ⚠ ${md(displayName(target))} is essential${target.essentialNode ? '' : ' (the default)'}: ECS does not accept ${value} here.`,
      );
    }
    if (target && value === 'HEALTHY' && !target.healthCheckNode)
      lines.push(`- ⚠ ${md(displayName(target))} has no healthCheck, so it never becomes healthy.`);
    if (target && value === 'START' && ctx.inits.has(target))
      lines.push(
        `- ${md(displayName(target))} looks like an init container: START does not wait for it to finish; SUCCESS does.`,
      );
  } else {
    lines.push(
      value === undefined
        ? 'The condition must be a string.'
        : `${code(value)} is not a condition: ECS accepts exactly ${wordList(CONDITIONS)} (upper case).`,
    );
  }
  lines.push('', 'The conditions:');
  for (const cond of CONDITIONS) lines.push(`- **${cond}**: ${CONDITION_FACTS[cond].meaning}.`);
  lines.push('', fieldLink(knownField(CONTAINER_SHAPE, 'dependsOn')));
  return lines;
}
