/**
 * The located model: a typed view of the task and each container, keeping the syntax node of every
 * value a rule or a feature points at (so ranges and fixes come from the same place).
 */
import type { COMPATIBILITIES } from './fields/index';
import { bool, elements, num, objectElements, prop, str, stringElements, type Node } from './json';
import type { DocumentKind, TaskDefinitionInput } from './input';
import { isPlaceholder } from './placeholders';

/**
 * A list the file does not spell out in full: given as a placeholder (`"dependsOn": "${deps}"`,
 * a CloudFormation intrinsic, a Terraform expression) or holding one as an element.
 */
export function isOpenList(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return isPlaceholder(node.value);
  return (
    node.type === 'array' &&
    (node.children ?? []).some((e) => e.type === 'string' && isPlaceholder(e.value))
  );
}
import type { SourceText } from './text';

export interface Located<T> {
  value: T;
  node: Node;
}

export interface DependencyModel {
  node: Node;
  containerName?: Located<string>;
  condition?: Located<string>;
  /** The raw containerName / condition nodes, whatever their type (for "empty" and type errors). */
  containerNameNode?: Node;
  conditionNode?: Node;
}

export interface MountPointModel {
  node: Node;
  sourceVolume?: Located<string>;
  containerPath?: Located<string>;
  readOnly: boolean;
  readOnlyNode?: Node;
}

export interface VolumesFromModel {
  node: Node;
  sourceContainer?: Located<string>;
  readOnly: boolean;
}

export interface LinkModel {
  node: Node;
  /** The container name part of `name` or `name:alias`. */
  target: string;
  alias?: string;
}

export interface PortMappingModel {
  node: Node;
  containerPort?: Located<number>;
  hostPort?: Located<number>;
}

export interface KeyValueModel {
  node: Node;
  name?: Located<string>;
  value?: Located<string>;
  /** For secrets: the valueFrom. */
  valueFrom?: Located<string>;
}

export interface ContainerModel {
  index: number;
  node: Node;
  /** Unique key: the name, or `#<index>` when the container has no usable name. */
  id: string;
  name?: Located<string>;
  nameNode?: Node;
  image?: Located<string>;
  essential: boolean;
  essentialNode?: Node;
  /** `essential` is written but not a boolean (a template placeholder, or a mistake the schema reports). */
  essentialUnknown: boolean;
  command: string[];
  commandNode?: Node;
  entryPoint: string[];
  entryPointNode?: Node;
  dependsOn: DependencyModel[];
  dependsOnNode?: Node;
  /** dependsOn is a placeholder or holds one: it may name containers the file does not show. */
  dependsOnOpen: boolean;
  links: LinkModel[];
  linksNode?: Node;
  linksOpen: boolean;
  volumesFrom: VolumesFromModel[];
  volumesFromNode?: Node;
  volumesFromOpen: boolean;
  mountPoints: MountPointModel[];
  mountPointsNode?: Node;
  mountPointsOpen: boolean;
  portMappings: PortMappingModel[];
  portMappingsNode?: Node;
  healthCheckNode?: Node;
  logConfigurationNode?: Node;
  logDriver?: Located<string>;
  logOptionsNode?: Node;
  firelensConfigurationNode?: Node;
  environment: KeyValueModel[];
  environmentNode?: Node;
  secrets: KeyValueModel[];
  secretsNode?: Node;
  startTimeoutNode?: Node;
  stopTimeoutNode?: Node;
  /** Container-level hard and soft memory limits (MiB), whatever their type (a placeholder is a string). */
  memoryNode?: Node;
  memoryReservationNode?: Node;
}

export interface VolumeModel {
  node: Node;
  name?: Located<string>;
  /** `host.sourcePath` (a bind mount of a host directory; EC2 only). */
  hostSourcePathNode?: Node;
  dockerVolumeConfigurationNode?: Node;
  efsVolumeConfigurationNode?: Node;
}

export type LaunchType = (typeof COMPATIBILITIES)[number];

export interface TaskModel {
  source: SourceText;
  kind: DocumentKind;
  root: Node;
  /** What the file's reader found: where this task definition is, and its resource's name. */
  input: TaskDefinitionInput;
  /** The object with the task-level fields; undefined for a bare container array. */
  task?: Node;
  /** False for a bare container array: rules that need task-level facts stay silent. */
  knowsTaskLevel: boolean;
  family?: Located<string>;
  networkModeNode?: Node;
  /** Effective network mode: the written one, `bridge` when absent (EC2's default), undefined when unknown. */
  networkMode?: string;
  requiresCompatibilitiesNode?: Node;
  launchTypes: Set<string>;
  /** requiresCompatibilities contains FARGATE (the check AWS applies "even if EC2 is also specified"). */
  isFargate: boolean;
  cpuNode?: Node;
  memoryNode?: Node;
  executionRoleArnNode?: Node;
  taskRoleArnNode?: Node;
  volumes: VolumeModel[];
  volumesNode?: Node;
  /** The volumes are a placeholder or hold one (a Terraform dynamic block, an Fn::If): there may be more. */
  volumesOpen: boolean;
  containersNode?: Node;
  /**
   * The container list is a placeholder or holds one (an Fn::If, a Terraform concat or for
   * expression): the task may have containers the file does not show, so no rule may conclude
   * that a name is unknown or that nothing else is essential or waits.
   */
  containersOpen: boolean;
  containers: ContainerModel[];
  /** Containers by name; with duplicate names the first one wins (duplicate-container-name reports the rest). */
  byName: Map<string, ContainerModel>;
}

function located<T>(
  node: Node | undefined,
  read: (n: Node | undefined) => T | undefined,
): Located<T> | undefined {
  if (!node) return undefined;
  const value = read(node);
  return value === undefined ? undefined : { value, node };
}

/** The model of one task definition of a file. */
export function buildModel(source: SourceText, input: TaskDefinitionInput): TaskModel {
  const task = input.taskNode;
  const containersNode = input.containersNode;
  const compat = prop(task, 'requiresCompatibilities');
  const launchTypes = new Set(stringElements(compat).map((s) => s.toUpperCase()));
  const networkModeNode = prop(task, 'networkMode');
  const writtenMode = str(networkModeNode);
  const containers = objectElements(containersNode).map((node, index) =>
    buildContainer(node, index),
  );
  // Give every container a unique id: the name, or `#index` when nameless or a later duplicate.
  const byName = new Map<string, ContainerModel>();
  const usedIds = new Set<string>();
  for (const c of containers) {
    const name = c.name?.value;
    if (name !== undefined && name !== '' && !byName.has(name)) byName.set(name, c);
    c.id = name !== undefined && name !== '' && !usedIds.has(name) ? name : `#${c.index}`;
    usedIds.add(c.id);
  }
  return {
    source,
    kind: input.kind,
    root: input.root,
    input,
    task,
    knowsTaskLevel: input.kind !== 'container-array',
    family: located(prop(task, 'family'), str),
    networkModeNode,
    networkMode:
      input.kind === 'container-array'
        ? undefined
        : (writtenMode ?? (networkModeNode ? undefined : 'bridge')),
    requiresCompatibilitiesNode: compat,
    launchTypes,
    isFargate: launchTypes.has('FARGATE'),
    cpuNode: prop(task, 'cpu'),
    memoryNode: prop(task, 'memory'),
    executionRoleArnNode: prop(task, 'executionRoleArn'),
    taskRoleArnNode: prop(task, 'taskRoleArn'),
    volumes: objectElements(prop(task, 'volumes')).map((node) => ({
      node,
      name: located(prop(node, 'name'), str),
      hostSourcePathNode: prop(prop(node, 'host'), 'sourcePath'),
      dockerVolumeConfigurationNode: prop(node, 'dockerVolumeConfiguration'),
      efsVolumeConfigurationNode: prop(node, 'efsVolumeConfiguration'),
    })),
    volumesNode: prop(task, 'volumes'),
    volumesOpen: isOpenList(prop(task, 'volumes')),
    containersNode,
    containersOpen: isOpenList(containersNode),
    containers,
    byName,
  };
}

/** The keys of a container definition the model reads. */
const MODELLED_KEYS = new Set([
  'name',
  'image',
  'essential',
  'dependsOn',
  'links',
  'volumesFrom',
  'mountPoints',
  'portMappings',
  'logConfiguration',
  'environment',
  'secrets',
  'command',
  'entryPoint',
  'healthCheck',
  'firelensConfiguration',
  'startTimeout',
  'stopTimeout',
  'memory',
  'memoryReservation',
]);

function buildContainer(node: Node, index: number): ContainerModel {
  // One pass over the properties (the last duplicate wins, an explicit null counts as absent,
  // as prop() reads them) instead of one scan per key: this runs on every keystroke.
  const props = new Map<string, Node>();
  for (const p of node.children ?? []) {
    const key = p.children?.[0]?.value;
    if (typeof key === 'string' && MODELLED_KEYS.has(key)) props.set(key, p);
  }
  const value = (key: string): Node | undefined => {
    const v = props.get(key)?.children?.[1];
    return v && v.type !== 'null' ? v : undefined;
  };
  const essentialNode = value('essential');
  const dependsOnNode = value('dependsOn');
  const linksNode = value('links');
  const volumesFromNode = value('volumesFrom');
  const mountPointsNode = value('mountPoints');
  const portMappingsNode = value('portMappings');
  const logConfigurationNode = value('logConfiguration');
  const environmentNode = value('environment');
  const secretsNode = value('secrets');
  const commandNode = value('command');
  const entryPointNode = value('entryPoint');
  const nameNode = props.get('name')?.children?.[1];
  return {
    index,
    node,
    id: `#${index}`,
    name: located(value('name'), str),
    nameNode,
    image: located(value('image'), str),
    // `essential` defaults to true; a placeholder or a non-boolean is read as the default.
    essential: bool(essentialNode) ?? true,
    essentialNode,
    essentialUnknown: essentialNode !== undefined && bool(essentialNode) === undefined,
    command: stringElements(commandNode),
    commandNode,
    entryPoint: stringElements(entryPointNode),
    entryPointNode,
    dependsOn: objectElements(dependsOnNode).map((dep) => {
      const containerNameNode = prop(dep, 'containerName');
      const conditionNode = prop(dep, 'condition');
      return {
        node: dep,
        containerName: located(containerNameNode, str),
        condition: located(conditionNode, str),
        containerNameNode,
        conditionNode,
      };
    }),
    dependsOnNode,
    dependsOnOpen: isOpenList(dependsOnNode),
    links: elements(linksNode).flatMap((l): LinkModel[] => {
      const s = str(l);
      if (s === undefined || s === '') return [];
      const [target, alias] = splitLink(s);
      return [{ node: l, target, alias }];
    }),
    linksNode,
    linksOpen: isOpenList(linksNode),
    volumesFrom: objectElements(volumesFromNode).map((v) => ({
      node: v,
      sourceContainer: located(prop(v, 'sourceContainer'), str),
      readOnly: bool(prop(v, 'readOnly')) ?? false,
    })),
    volumesFromNode,
    volumesFromOpen: isOpenList(volumesFromNode),
    mountPoints: objectElements(mountPointsNode).map((m) => ({
      node: m,
      sourceVolume: located(prop(m, 'sourceVolume'), str),
      containerPath: located(prop(m, 'containerPath'), str),
      readOnly: bool(prop(m, 'readOnly')) ?? false,
      readOnlyNode: prop(m, 'readOnly'),
    })),
    mountPointsNode,
    mountPointsOpen: isOpenList(mountPointsNode),
    portMappings: objectElements(portMappingsNode).map((p) => ({
      node: p,
      containerPort: located(prop(p, 'containerPort'), num),
      hostPort: located(prop(p, 'hostPort'), num),
    })),
    portMappingsNode,
    healthCheckNode: value('healthCheck'),
    logConfigurationNode,
    logDriver: located(prop(logConfigurationNode, 'logDriver'), str),
    logOptionsNode: prop(logConfigurationNode, 'options'),
    firelensConfigurationNode: value('firelensConfiguration'),
    environment: keyValues(environmentNode, 'value'),
    environmentNode,
    secrets: keyValues(secretsNode, 'valueFrom'),
    secretsNode,
    startTimeoutNode: value('startTimeout'),
    stopTimeoutNode: value('stopTimeout'),
    memoryNode: value('memory'),
    memoryReservationNode: value('memoryReservation'),
  };
}

function keyValues(arrayNode: Node | undefined, valueKey: 'value' | 'valueFrom'): KeyValueModel[] {
  return objectElements(arrayNode).map((kv) => {
    const entry: KeyValueModel = { node: kv, name: located(prop(kv, 'name'), str) };
    const v = located(prop(kv, valueKey), str);
    if (valueKey === 'value') entry.value = v;
    else entry.valueFrom = v;
    return entry;
  });
}

/** `name:alias` → [name, alias]; a placeholder is kept whole. */
function splitLink(link: string): [string, string | undefined] {
  if (isPlaceholder(link)) return [link, undefined];
  const i = link.indexOf(':');
  return i < 0 ? [link, undefined] : [link.slice(0, i), link.slice(i + 1)];
}

/**
 * `compute` remembered per container: several rules and the graph ask the same question of a
 * container (is it an init container, which paths does it write) in one analysis. Only for what
 * depends on the container alone; a container model never changes once built.
 */
export function perContainer<T>(compute: (c: ContainerModel) => T): (c: ContainerModel) => T {
  const results = new WeakMap<ContainerModel, T>();
  return (c) => {
    if (results.has(c)) return results.get(c)!;
    const result = compute(c);
    results.set(c, result);
    return result;
  };
}

/** A dependsOn entry whose containerName names another container of the same task. */
export interface Wait {
  container: ContainerModel;
  dep: DependencyModel;
  target: ContainerModel;
}

/**
 * Every dependsOn entry of the task that names another of its containers, with that container:
 * what the start order and the rules about conditions read. Entries naming no container, an
 * unknown one or the container itself are left to the rules that report them.
 */
export function waits(model: TaskModel): Wait[] {
  const out: Wait[] = [];
  for (const container of model.containers) {
    for (const dep of container.dependsOn) {
      const target = dep.containerName ? model.byName.get(dep.containerName.value) : undefined;
      if (target && target !== container) out.push({ container, dep, target });
    }
  }
  return out;
}

/** Display name of a container for messages. */
export function displayName(c: ContainerModel): string {
  return c.name?.value ? c.name.value : `container #${c.index + 1}`;
}
