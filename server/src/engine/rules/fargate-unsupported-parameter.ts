import { elements, objectElements, parentProperty, prop, str, type Node } from '../json';
import { FARGATE_LOG_DRIVERS, wordList } from '../fields/index';
import { displayName, type ContainerModel } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Spelling } from '../input';
import type { Rule, RuleContext } from './rule';
import { spellPath } from './util';

/** Does the value ask for the feature? false, 0, "", [] and {} ask for nothing (skeletons and exports write them). */
function requests(node: Node | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'boolean':
      return node.value === true;
    case 'number':
      return node.value !== 0;
    case 'string':
      return typeof node.value === 'string' && node.value.trim() !== '';
    case 'array':
      return elements(node).some((e) => requests(e) || e.type === 'object');
    case 'object':
      return (node.children ?? []).length > 0;
    default:
      return false;
  }
}

interface Unsupported {
  node: Node;
  what: string;
  why: string;
  /** The property to remove in the fix (the written one that asks for the feature), and its name. */
  property?: Node;
  key?: string;
  container?: ContainerModel;
}

const CONTAINER_PARAMETERS: { key: string; why: (spell: Spelling) => string }[] = [
  { key: 'disableNetworking', why: () => 'Fargate does not support it' },
  { key: 'dnsServers', why: () => 'Fargate does not support it (tasks use the VPC resolver)' },
  { key: 'dnsSearchDomains', why: () => 'Fargate does not support it' },
  { key: 'dockerSecurityOptions', why: () => 'Fargate does not support it' },
  {
    key: 'extraHosts',
    why: () =>
      'Fargate does not support it (it is not supported in awsvpc, the network mode Fargate uses)',
  },
  {
    key: 'hostname',
    why: (spell) => `Fargate tasks use awsvpc, where ${spell.key('hostname')} is not supported`,
  },
  { key: 'privileged', why: () => 'Fargate does not run privileged containers' },
];

const LINUX_PARAMETERS: { key: string; why: string }[] = [
  { key: 'devices', why: 'Fargate does not support host devices' },
  { key: 'sharedMemorySize', why: 'Fargate does not support it' },
  { key: 'tmpfs', why: 'Fargate does not support tmpfs mounts' },
  { key: 'maxSwap', why: 'Fargate does not support swap' },
  { key: 'swappiness', why: 'Fargate does not support swap' },
];

function containerFindings(c: ContainerModel, spell: Spelling): Unsupported[] {
  const out: Unsupported[] = [];
  const name = displayName(c);
  for (const { key, why } of CONTAINER_PARAMETERS) {
    const v = prop(c.node, key);
    if (requests(v) && !isPlaceholder(v!.value)) {
      out.push({
        node: v!,
        what: `"${spell.key(key)}" in ${name}`,
        why: why(spell),
        property: parentProperty(v!),
        key,
        container: c,
      });
    }
  }
  const linux = prop(c.node, 'linuxParameters');
  for (const { key, why } of LINUX_PARAMETERS) {
    const v = prop(linux, key);
    if (requests(v))
      out.push({
        node: v!,
        what: `"${spellPath(spell, `linuxParameters.${key}`)}" in ${name}`,
        why,
        property: parentProperty(v!),
        key: `linuxParameters.${key}`,
        container: c,
      });
  }
  const added = prop(prop(linux, 'capabilities'), 'add');
  for (const cap of elements(added)) {
    const s = str(cap);
    if (s && s.trim() !== '' && !isPlaceholder(s) && s !== 'CAP_SYS_PTRACE' && s !== 'SYS_PTRACE') {
      out.push({
        node: cap,
        what: `The capability ${s} in ${name}`,
        why: 'the only capability Fargate lets a container add is SYS_PTRACE, on platform version 1.4.0 or later',
        container: c,
      });
    }
  }
  for (const req of objectElements(prop(c.node, 'resourceRequirements'))) {
    const type = prop(req, 'type');
    if (str(type) === 'GPU' && requests(prop(req, 'value'))) {
      out.push({
        node: type!,
        what: `A GPU resource requirement in ${name}`,
        why: 'Fargate has no GPUs',
        container: c,
      });
    }
  }
  const driver = c.logDriver;
  if (
    driver &&
    driver.value.trim() !== '' &&
    !isPlaceholder(driver.value) &&
    !(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver.value)
  ) {
    out.push({
      node: driver.node,
      what: `The log driver "${driver.value}" of ${name}`,
      why: `Fargate supports only the ${wordList(FARGATE_LOG_DRIVERS, 'and')} log drivers`,
      container: c,
    });
  }
  return out;
}

function taskFindings(ctx: RuleContext): Unsupported[] {
  const out: Unsupported[] = [];
  const task = ctx.model.task;
  const ipc = prop(task, 'ipcMode');
  if (requests(ipc) && !isPlaceholder(ipc!.value)) {
    out.push({
      node: ipc!,
      what: `"${ctx.spell.key('ipcMode')}"`,
      why: 'Fargate does not support it',
      property: parentProperty(ipc!),
      key: 'ipcMode',
    });
  }
  const placement = prop(task, 'placementConstraints');
  if (requests(placement)) {
    out.push({
      node: placement!,
      what: `"${ctx.spell.key('placementConstraints')}"`,
      why: 'Fargate places tasks itself; placement constraints are for EC2 container instances',
      property: parentProperty(placement!),
      key: 'placementConstraints',
    });
  }
  for (const v of ctx.model.volumes) {
    const vol = v.name?.value ? `volume "${v.name.value}"` : 'a volume';
    if (v.hostSourcePathNode && requests(v.hostSourcePathNode)) {
      out.push({
        node: v.hostSourcePathNode,
        what: `"${spellPath(ctx.spell, 'host.sourcePath')}" of ${vol}`,
        why: `on Fargate a bind mount is task storage only: ${spellPath(ctx.spell, 'host.sourcePath')} is supported only on EC2 (or Managed Instances)`,
        property: parentProperty(v.hostSourcePathNode),
        key: 'host.sourcePath',
      });
    }
    if (v.dockerVolumeConfigurationNode) {
      out.push({
        node: v.dockerVolumeConfigurationNode,
        what: `"${ctx.spell.key('dockerVolumeConfiguration')}" of ${vol}`,
        why: 'Docker volumes are supported only on EC2; use a bind mount (task storage) or EFS',
        property: parentProperty(v.dockerVolumeConfigurationNode),
        key: 'dockerVolumeConfiguration',
      });
    }
  }
  return out;
}

export const fargateUnsupportedParameter: Rule = {
  id: 'fargate-unsupported-parameter',
  severity: 'error',
  summary:
    'A parameter Fargate rejects: dnsServers, privileged, devices, host.sourcePath, Docker volumes, a log driver other than awslogs, splunk or awsfirelens, …',
  check(ctx) {
    if (!ctx.model.knowsTaskLevel || !ctx.model.isFargate) return;
    const found = [
      ...ctx.model.containers.flatMap((c) => containerFindings(c, ctx.spell)),
      ...taskFindings(ctx),
    ];
    for (const f of found) {
      const key = f.property?.children?.[0];
      ctx.report({
        at: key ?? f.node,
        container: f.container,
        message: `${f.what} is not valid for a Fargate task: ${f.why}. The task definition requires FARGATE, so ECS rejects it.`,
        // isFargate is read from requiresCompatibilities, so the node is there.
        related: [
          {
            at: ctx.model.requiresCompatibilitiesNode!,
            message: `${ctx.spell.key('requiresCompatibilities')} includes FARGATE`,
          },
        ],
        fixes: () =>
          f.property && f.key
            ? [
                {
                  title: `Remove "${spellPath(ctx.spell, f.key)}"`,
                  isPreferred: true,
                  safe: false,
                  edits: ctx.edit.removeProperty(f.property),
                },
              ]
            : [],
      });
    }
  },
};
