/**
 * Completion, by where the cursor is:
 * - in `dependsOn[].containerName`, `volumesFrom[].sourceContainer` and `links`: the other containers;
 * - in `mountPoints[].sourceVolume`: the task volumes;
 * - in `dependsOn[].condition`: the four conditions, the likely one first;
 * - between the elements of `containerDefinitions`: an init container with a shared volume (and the
 *   edits that make the essential containers wait for it and mount the volume);
 * - between the elements of `dependsOn`: a dependsOn entry;
 * - at a property position in a container: `healthCheck` and `dependsOn`;
 * - in an empty document (named like a task definition) or an empty root object: a task definition.
 * Snippet syntax only when the client supports it; plain text otherwise. In a CloudFormation
 * template, templateCompletion.ts offers the names, volumes and conditions.
 */
import { findNodeAtOffset, getLocation, type Node } from 'jsonc-parser';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import {
  addDependsOnEntry,
  addMountPoint,
  addTaskVolume,
  type Analysis,
  applyOffsetEdits,
  commaBetween,
  type Editor,
  type ContainerModel,
  detectStyle,
  displayName,
  type FormatStyle,
  initContainers,
  keyOf,
  knownField,
  mergeSamePoint,
  type OffsetEdit,
  parsesAsWell,
  properties,
  rangesText,
  type SourceText,
  type TaskModel,
} from '../engine/index';
import { rangeOf } from './located';
import { templateCompletion } from './templateCompletion';
import {
  conditionItems,
  conditionOrder,
  containerNameItems,
  JSON_VALUE,
  volumeItems,
} from './valueCompletion';

export interface CompletionOptions {
  /** The client declares `completionItem.snippetSupport`. */
  snippetSupport: boolean;
  /** The file name matches `filePatterns`: an empty document is offered a whole task definition. */
  namedLikeTaskDefinition: boolean;
}

export function completion(
  analysis: Analysis,
  position: Position,
  options: CompletionOptions,
): CompletionList {
  const items = completionItems(analysis, position, options);
  return { isIncomplete: false, items };
}

function completionItems(
  analysis: Analysis,
  position: Position,
  options: CompletionOptions,
): CompletionItem[] {
  const source = analysis.source;
  const text = source.text;
  const offset = source.offsetAt(position);
  if (analysis.file.format === 'cloudformation') return templateCompletion(analysis, offset);
  // A Terraform file's tree has the API's names at the file's offsets too; a value is written as a
  // JSON string, which is also an HCL string (in jsonencode) and the JSON of a heredoc.
  if (analysis.file.format === 'terraform') return templateCompletion(analysis, offset, JSON_VALUE);
  if (analysis.file.format !== 'json') return [];
  const writer = new SnippetWriter(options.snippetSupport);
  const style = detectStyle(source);
  if (!analysis.model) return emptyDocumentItems(analysis, offset, writer, style, options);
  const model = analysis.model;
  const location = getLocation(text, offset);
  const path = location.path;
  const last = path[path.length - 1];
  const parentKey = path[path.length - 2];
  const grandKey = path[path.length - 3];
  const previous = location.previousNode;
  const container = innermostContainer(model, offset);

  // Inside a string (or at a value position): names, volumes, conditions.
  const inString =
    previous &&
    previous.type === 'string' &&
    offset > previous.offset &&
    offset <= previous.offset + previous.length;
  const atValue = !previous && !location.isAtPropertyKey;
  if ((inString || atValue) && container) {
    const range = inString
      ? stringRange(source, previous!, offset)
      : rangeOf(source, offset, offset);
    if (inString || isValuePosition(text, offset)) {
      if (
        (last === 'containerName' && grandKey === 'dependsOn') ||
        (last === 'sourceContainer' && grandKey === 'volumesFrom')
      ) {
        return containerNameItems(model, container, range, JSON_VALUE);
      }
      if (typeof last === 'number' && parentKey === 'links')
        return containerNameItems(model, container, range, JSON_VALUE);
      if (last === 'sourceVolume' && grandKey === 'mountPoints')
        return volumeItems(model, range, JSON_VALUE);
      if (last === 'condition' && grandKey === 'dependsOn') {
        const dep = container.dependsOn.find(
          (d) => offset >= d.node.offset && offset <= d.node.offset + d.node.length,
        );
        return conditionItems(model, dep, range, JSON_VALUE);
      }
    }
  }

  // Structural positions: between array elements, or at a property key.
  const enclosing = enclosingNode(analysis.file.root, offset);
  if (!enclosing) return [];
  const wordStart = bareWordStart(text, offset);
  if (enclosing.type === 'array' && !previous) {
    const at = insertionPoint(source, enclosing, wordStart, offset);
    if (enclosing === model.containersNode)
      return [initContainerItem(model, analysis.file.editor, at, writer, style)].filter(isItem);
    if (container && enclosing === container.dependsOnNode)
      return [dependsOnEntryItem(model, container, at, writer, style)];
    return [];
  }
  if (
    enclosing.type === 'object' &&
    container &&
    enclosing === container.node &&
    location.isAtPropertyKey
  ) {
    let start = wordStart;
    let end = offset;
    let current: Node | undefined;
    if (previous && previous.type === 'property') {
      // The user is typing a key ("hea|"): replace it, unless the property already has a value.
      current = enclosingProperty(enclosing, previous.offset);
      if (current && current.children && current.children.length > 1) return [];
      start = previous.offset;
      const closed = previous.length >= 2 && text[previous.offset + previous.length - 1] === '"';
      // A finished key followed by spaces ("dep" |) is replaced up to the cursor: an editor drops
      // an item whose range does not hold the cursor.
      end = closed ? Math.max(previous.offset + previous.length, offset) : offset;
    }
    // A key on an earlier line than the cursor cannot be replaced: a range must stay on one line.
    if (/[\r\n]/.test(text.slice(start, end))) return [];
    const at = insertionPoint(source, enclosing, start, end, current);
    return [
      healthCheckItem(model, container, at, writer, style),
      dependsOnPropertyItem(model, container, at, writer, style),
    ].filter(isItem);
  }
  return [];
}

function isItem(item: CompletionItem | undefined): item is CompletionItem {
  return item !== undefined;
}

/** The container object that holds the offset strictly inside its braces. */
function innermostContainer(model: TaskModel, offset: number): ContainerModel | undefined {
  return model.containers.find(
    (c) => offset > c.node.offset && offset < c.node.offset + c.node.length,
  );
}

/** The innermost object or array whose brackets hold the offset. */
function enclosingNode(root: Node | undefined, offset: number): Node | undefined {
  let node = root ? findNodeAtOffset(root, offset, false) : undefined;
  // findNodeAtOffset gives the deepest node; an offset just after a value belongs to its parent.
  while (
    node &&
    !(
      (node.type === 'object' || node.type === 'array') &&
      offset > node.offset &&
      offset < node.offset + node.length
    )
  )
    node = node.parent;
  if (
    !node &&
    root &&
    (root.type === 'object' || root.type === 'array') &&
    offset > root.offset &&
    offset < root.offset + root.length
  )
    node = root;
  return node;
}

function enclosingProperty(obj: Node, keyOffset: number): Node | undefined {
  return properties(obj).find((p) => p.offset === keyOffset);
}

/** Is the offset right after a colon (a property value not typed yet)? */
function isValuePosition(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ':' || text[i] === '[' || text[i] === ',';
}

/** The range a string completion replaces: the whole string, or up to the cursor when it is not closed. */
function stringRange(source: SourceText, node: Node, offset: number): Range {
  const closed =
    node.length >= 2 &&
    source.text[node.offset + node.length - 1] === '"' &&
    !/[\r\n]/.test(source.text.slice(node.offset, node.offset + node.length));
  return rangeOf(source, node.offset, closed ? node.offset + node.length : offset);
}

/** Start of a bare word typed before the cursor (`init|`), so that a snippet replaces it. */
function bareWordStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /[A-Za-z0-9_-]/.test(text[i - 1]!)) i--;
  return i;
}

// ---- snippets -----------------------------------------------------------------------------

/**
 * Writes snippet text, or the same text as plain text for clients without snippet support:
 * placeholders become their default, choices their first option, and nothing is escaped.
 */
class SnippetWriter {
  constructor(readonly snippets: boolean) {}

  private escape(text: string): string {
    return this.snippets ? text.replace(/[$}\\]/g, '\\$&') : text;
  }

  /** A string literal as JSON text (quotes included). */
  lit(value: string): string {
    return this.escape(JSON.stringify(value));
  }

  /** `"${n:default}"`: a JSON string whose content is a placeholder. */
  placeholder(n: number, value: string): string {
    const inner = JSON.stringify(value).slice(1, -1);
    return this.snippets ? `"\${${n}:${this.escape(inner)}}"` : `"${inner}"`;
  }

  /** A number placeholder (no quotes). */
  number(n: number, value: number): string {
    return this.snippets ? `\${${n}:${value}}` : String(value);
  }

  /** `"${n|a,b|}"`: a JSON string whose content is a choice. */
  choice(n: number, options: string[]): string {
    if (!this.snippets || options.length <= 1)
      return options.length > 0 ? this.placeholder(n, options[0]!) : this.placeholder(n, '');
    const escaped = options.map((o) =>
      JSON.stringify(o)
        .slice(1, -1)
        .replace(/[$}\\,|]/g, '\\$&'),
    );
    return `"\${${n}|${escaped.join(',')}|}"`;
  }

  get end(): string {
    return this.snippets ? '$0' : '';
  }
}

/** Where a snippet goes: the replaced range, and the commas it needs around it. */
interface InsertionPoint {
  source: SourceText;
  start: number;
  end: number;
  /** The line's indentation: the snippet's later lines start with it. */
  indent: string;
  /** Text before the snippet (a comma after the previous element when the cursor is right there). */
  before: string;
  /** Text after it (a comma when an element follows without one). */
  after: string;
  /** A comma to add after the previous element, when it has none. */
  extraEdits: TextEdit[];
}

function insertionPoint(
  source: SourceText,
  parent: Node,
  start: number,
  end: number,
  current?: Node,
): InsertionPoint {
  const text = source.text;
  const children = (parent.type === 'object' ? properties(parent) : (parent.children ?? [])).filter(
    (c) => c !== current,
  );
  const prev = [...children].reverse().find((c) => c.offset + c.length <= start);
  const next = children.find((c) => c.offset >= end);
  let before = '';
  const extraEdits: TextEdit[] = [];
  if (prev && !commaBetween(text, prev.offset + prev.length, start)) {
    const prevEnd = prev.offset + prev.length;
    if (prevEnd === start) before = ', ';
    else extraEdits.push({ range: rangeOf(source, prevEnd, prevEnd), newText: ',' });
  }
  const after = next && !commaBetween(text, end, next.offset) ? ',' : '';
  const lineStart = source.lineStartOf(start);
  const linePrefix = text.slice(lineStart, start);
  const indent = /^[ \t]*$/.test(linePrefix)
    ? linePrefix
    : source.indentationAt(start) + detectStyle(source).unit;
  return { source, start, end, indent, before, after, extraEdits };
}

/** Lines written with leading tabs for nesting → text in the document's indentation and line breaks. */
function layout(lines: string[], at: InsertionPoint, style: FormatStyle): string {
  return lines
    .map((line, i) => {
      const tabs = /^\t*/.exec(line)![0].length;
      const body = style.unit.repeat(tabs) + line.slice(tabs);
      return i === 0 ? body : at.indent + body;
    })
    .join(style.eol);
}

interface SnippetSpec {
  label: string;
  detail: string;
  documentation: string;
  lines: string[];
  additionalTextEdits?: TextEdit[];
  sortText?: string;
}

function snippetItem(
  at: InsertionPoint,
  writer: SnippetWriter,
  style: FormatStyle,
  spec: SnippetSpec,
): CompletionItem {
  const newText = at.before + layout(spec.lines, at, style) + at.after;
  const item: CompletionItem = {
    label: spec.label,
    kind: CompletionItemKind.Snippet,
    detail: spec.detail,
    documentation: { kind: MarkupKind.Markdown, value: spec.documentation },
    insertTextFormat: writer.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: rangeOf(at.source, at.start, at.end), newText },
    filterText: spec.label,
    sortText: spec.sortText ?? `~${spec.label}`,
  };
  const extra = [...at.extraEdits, ...(spec.additionalTextEdits ?? [])];
  if (extra.length > 0) item.additionalTextEdits = extra;
  return item;
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/** The container `self` most likely waits for, first: an init container, then one with a healthCheck. */
function likelyTargets(model: TaskModel, self: ContainerModel): ContainerModel[] {
  const inits = initContainers(model);
  const already = new Set(self.dependsOn.map((d) => d.containerName?.value));
  const others = model.containers.filter(
    (c) => c !== self && c.name?.value && !already.has(c.name.value),
  );
  const rank = (c: ContainerModel) => (inits.has(c) ? 0 : c.healthCheckNode ? 1 : 2);
  return [...others].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

function dependsOnEntryLine(
  model: TaskModel,
  self: ContainerModel,
  writer: SnippetWriter,
  first: number,
): { line: string; target?: ContainerModel } {
  const targets = likelyTargets(model, self);
  const target = targets[0];
  const names = targets.map((t) => t.name!.value);
  const conditions = conditionOrder(target, target ? initContainers(model).has(target) : false);
  const nameText =
    names.length > 0 ? writer.choice(first, names) : writer.placeholder(first, 'container-name');
  return {
    line: `{ "containerName": ${nameText}, "condition": ${writer.choice(first + 1, conditions)} }`,
    target,
  };
}

function dependsOnEntryItem(
  model: TaskModel,
  self: ContainerModel,
  at: InsertionPoint,
  writer: SnippetWriter,
  style: FormatStyle,
): CompletionItem {
  const { line, target } = dependsOnEntryLine(model, self, writer, 1);
  return snippetItem(at, writer, style, {
    label: 'dependsOn entry',
    detail: target ? `wait for ${displayName(target)}` : 'wait for another container',
    documentation: `Make ${displayName(self)} wait for another container before it starts. SUCCESS: it ran and exited 0 (init containers). COMPLETE: it exited, any code. HEALTHY: its healthCheck passes. START: it has started.`,
    lines: [line + writer.end],
  });
}

function dependsOnPropertyItem(
  model: TaskModel,
  self: ContainerModel,
  at: InsertionPoint,
  writer: SnippetWriter,
  style: FormatStyle,
): CompletionItem | undefined {
  if (properties(self.node).some((p) => keyOf(p) === 'dependsOn')) return undefined;
  const { line, target } = dependsOnEntryLine(model, self, writer, 1);
  return snippetItem(at, writer, style, {
    label: 'dependsOn',
    detail: target
      ? `${displayName(self)} waits for ${displayName(target)}`
      : 'containers to wait for',
    documentation: `The containers ${displayName(self)} waits for before it starts, each with a condition (SUCCESS for an init container, HEALTHY for one with a healthCheck).`,
    lines: ['"dependsOn": [', `\t${line}`, `]${writer.end}`],
  });
}

function healthCheckItem(
  _model: TaskModel,
  self: ContainerModel,
  at: InsertionPoint,
  writer: SnippetWriter,
  style: FormatStyle,
): CompletionItem | undefined {
  if (properties(self.node).some((p) => keyOf(p) === 'healthCheck')) return undefined;
  const port = self.portMappings.find((p) => p.containerPort)?.containerPort?.value;
  const url = `http://localhost${port ? `:${port}` : ''}/`;
  return snippetItem(at, writer, style, {
    label: 'healthCheck',
    detail: `a health check for ${displayName(self)}`,
    documentation: `A command ECS runs in the container; exit code 0 means healthy. Other containers can then wait for it with HEALTHY. ${rangesText('HealthCheck', { names: true, defaults: false })}.`,
    lines: [
      '"healthCheck": {',
      `\t"command": ["CMD-SHELL", ${writer.placeholder(1, `curl -f ${url} || exit 1`)}],`,
      // ECS's defaults, written out so that people see what they can change.
      ...['interval', 'timeout', 'retries'].map(
        (key) => `\t"${key}": ${String(knownField('HealthCheck', key).default)},`,
      ),
      `\t"startPeriod": ${writer.number(2, 10)}`,
      `}${writer.end}`,
    ],
  });
}

/** The init container's lines (leading tabs for nesting). */
function initContainerLines(
  writer: SnippetWriter,
  name: string,
  volume: string,
  path: string,
  first: number,
): string[] {
  return [
    '{',
    `\t"name": ${writer.lit(name)},`,
    `\t"image": ${writer.placeholder(first, 'public.ecr.aws/docker/library/busybox:1.36')},`,
    '\t"essential": false,',
    '\t"entryPoint": ["sh", "-c"],',
    `\t"command": [${writer.placeholder(first + 1, `echo ready > ${path}/ready`)}],`,
    '\t"mountPoints": [',
    `\t\t{ "sourceVolume": ${writer.lit(volume)}, "containerPath": ${writer.lit(path)} }`,
    '\t]',
    '}',
  ];
}

function initContainerItem(
  model: TaskModel,
  edit: Editor,
  at: InsertionPoint,
  writer: SnippetWriter,
  style: FormatStyle,
): CompletionItem | undefined {
  const name = uniqueName('init', new Set(model.byName.keys()));
  const volumeNames = new Set<string>([
    ...model.volumes.map((v) => v.name?.value ?? ''),
    ...model.containers.flatMap((c) => c.mountPoints.map((m) => m.sourceVolume?.value ?? '')),
  ]);
  const volume = uniqueName('shared', volumeNames);
  const path = `/${volume}`;
  const lines = initContainerLines(writer, name, volume, path, 1);
  lines[lines.length - 1] += writer.end;
  const inits = initContainers(model);
  const mains = model.containers.filter((c) => c.essential && !inits.has(c));
  const wiring = wiringEdits(
    model,
    edit,
    at,
    mains,
    name,
    volume,
    path,
    initContainerLines(new SnippetWriter(false), name, volume, path, 1),
  );
  const told =
    wiring.mains.length > 0
      ? ` Also makes ${wiring.mains.map(displayName).join(', ')} wait for it (SUCCESS) and mount \`${volume}\` read-only at ${path}${wiring.volumeAdded ? `, and adds \`${volume}\` to the task volumes` : ''}.`
      : '';
  return snippetItem(at, writer, style, {
    label: 'init container with shared volume',
    detail: `a non-essential "${name}" that writes to volume "${volume}"`,
    documentation: `A one-shot setup container: not essential (its exit must not stop the task), writing into the task volume \`${volume}\`.${told}`,
    lines,
    additionalTextEdits: wiring.edits,
    sortText: '0',
  });
}

/**
 * The edits that wire a new init container in: each essential container waits for it with SUCCESS
 * and mounts the volume read-only, and the task declares the volume. They are offered only when the
 * resulting document parses as well as before (else the snippet comes alone).
 */
function wiringEdits(
  model: TaskModel,
  edit: Editor,
  at: InsertionPoint,
  mains: ContainerModel[],
  name: string,
  volume: string,
  path: string,
  plainLines: string[],
): { edits: TextEdit[]; mains: ContainerModel[]; volumeAdded: boolean } {
  const none = { edits: [], mains: [], volumeAdded: false };
  if (!model.task) return none;
  const source = model.source;
  const style = detectStyle(source);
  const offsetEdits: OffsetEdit[] = [];
  for (const m of mains) {
    offsetEdits.push(
      ...mergeSamePoint([
        ...addDependsOnEntry(edit, m.node, name, 'SUCCESS'),
        ...addMountPoint(edit, m.node, {
          sourceVolume: volume,
          containerPath: path,
          readOnly: true,
        }),
      ]),
    );
  }
  const declared = model.volumes.some((v) => v.name?.value === volume);
  if (!declared) offsetEdits.push(...addTaskVolume(edit, model.task, volume));
  if (
    offsetEdits.some(
      (e) =>
        e.invalid ||
        (e.offset < at.end && e.offset + e.length > at.start) ||
        e.offset === at.start ||
        e.offset === at.end,
    )
  )
    return none;
  // Check the whole result parses no worse than the document does now.
  const inserted = at.before + layout(plainLines, at, style) + at.after;
  const all = [
    ...offsetEdits,
    { offset: at.start, length: at.end - at.start, newText: inserted },
    ...at.extraEdits.map((e) => ({
      offset: source.offsetAt(e.range.start),
      length: 0,
      newText: e.newText,
    })),
  ];
  if (!parsesAsWell(source.text, applyOffsetEdits(source.text, all))) return none;
  return {
    edits: offsetEdits.map((e) => ({
      range: rangeOf(source, e.offset, e.offset + e.length),
      newText: e.newText,
    })),
    mains,
    volumeAdded: !declared,
  };
}

// ---- empty documents ----------------------------------------------------------------------

function taskDefinitionLines(writer: SnippetWriter): string[] {
  const init = initContainerLines(writer, 'init', 'shared', '/shared', 5).map((l) => `\t\t${l}`);
  init[init.length - 1] += ',';
  return [
    `\t"family": ${writer.placeholder(1, 'my-app')},`,
    '\t"networkMode": "awsvpc",',
    '\t"requiresCompatibilities": ["FARGATE"],',
    `\t"cpu": ${writer.placeholder(2, '512')},`,
    `\t"memory": ${writer.placeholder(3, '1024')},`,
    `\t"executionRoleArn": ${writer.placeholder(4, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole')},`,
    '\t"containerDefinitions": [',
    ...init,
    '\t\t{',
    `\t\t\t"name": "app",`,
    `\t\t\t"image": ${writer.placeholder(7, 'my-registry/my-app:1.0.0')},`,
    '\t\t\t"essential": true,',
    '\t\t\t"dependsOn": [',
    '\t\t\t\t{ "containerName": "init", "condition": "SUCCESS" }',
    '\t\t\t],',
    '\t\t\t"mountPoints": [',
    '\t\t\t\t{ "sourceVolume": "shared", "containerPath": "/shared", "readOnly": true }',
    '\t\t\t]',
    `\t\t}${writer.end}`,
    '\t],',
    '\t"volumes": [',
    '\t\t{ "name": "shared" }',
    '\t]',
  ];
}

function emptyDocumentItems(
  analysis: Analysis,
  offset: number,
  writer: SnippetWriter,
  style: FormatStyle,
  options: CompletionOptions,
): CompletionItem[] {
  if (!options.namedLikeTaskDefinition) return [];
  const source = analysis.source;
  const root = analysis.file.root;
  const documentation =
    'A Fargate task definition whose app waits for a non-essential init container (SUCCESS) and reads its output from a shared task volume.';
  const spec = {
    label: 'task definition with an init container',
    detail: 'ECS task definition',
    documentation,
    sortText: '0',
  };
  const withoutComments = source.text.replace(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g, '');
  if (withoutComments.trim() === '') {
    const start = bareWordStart(source.text, offset);
    const at: InsertionPoint = {
      source,
      start,
      end: offset,
      indent: '',
      before: '',
      after: '',
      extraEdits: [],
    };
    return [
      snippetItem(at, writer, style, {
        ...spec,
        lines: ['{', ...taskDefinitionLines(writer), '}'],
      }),
    ];
  }
  if (
    root?.type === 'object' &&
    (root.children ?? []).length === 0 &&
    offset > root.offset &&
    offset < root.offset + root.length
  ) {
    // `{|}`, or `{` Enter `}` with the cursor on the line between: fill the object. The range
    // covers only the cursor's line inside the braces (an editor drops a range over several
    // lines), and the properties start on a line of their own.
    const open = root.offset + 1;
    const close = root.offset + root.length - 1;
    if (source.text.slice(open, close).trim() !== '') return [];
    const lineStart = source.lineStartOf(offset);
    const lineEnd = offset + /^[^\r\n]*/.exec(source.text.slice(offset))![0].length;
    const start = Math.max(open, lineStart);
    const end = Math.min(close, lineEnd);
    if (end < start) return [];
    const at: InsertionPoint = {
      source,
      start,
      end,
      indent: '',
      before: '',
      after: '',
      extraEdits: [],
    };
    const lines = [
      ...(start === open ? [''] : []),
      ...taskDefinitionLines(writer),
      ...(end === close ? [''] : []),
    ];
    return [snippetItem(at, writer, style, { ...spec, lines })];
  }
  return [];
}
