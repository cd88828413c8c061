/**
 * App Mesh: the task's Envoy proxy intercepts the other containers' outbound TCP traffic from the
 * first packet (the aws-appmesh CNI plugin installs iptables rules when the task's network is set
 * up), so every container whose traffic goes through it must wait for it.
 */
import { keyOf, prop, properties, str, type Node } from '../json';
import { displayName, type ContainerModel, type TaskModel } from '../model';
import type { Spelling } from '../input';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';
import { waitsTransitively } from './localhost';
import { addDependsOn } from './util';

/** Environment variables that point an Envoy container at an App Mesh resource. */
const APPMESH_VARIABLES = /^APPMESH_(VIRTUAL_NODE_NAME|RESOURCE_ARN|RESOURCE_NAME)$/;
/** App Mesh's Envoy image, in ECR (account 840364872350 and others) or ECR Public. */
const APPMESH_ENVOY_IMAGE = /(^|\/)aws-appmesh-envoy(:|@|$)/;

interface MeshProxy {
  container: ContainerModel;
  /** Why it is the proxy, for messages. */
  why: string;
  /** Users whose traffic bypasses the proxy (IgnoredUID, IgnoredGID; by convention Envoy's own). */
  ignored: Set<string>;
}

function userOf(c: ContainerModel): string | undefined {
  const user = properties(c.node).find((p) => keyOf(p) === 'user')?.children?.[1];
  return str(user);
}

function appMeshVariable(c: ContainerModel): string | undefined {
  return c.environment.map((e) => e.name?.value).find((n) => n && APPMESH_VARIABLES.test(n));
}

/**
 * The task's App Mesh proxy. In a task definition: the container `proxyConfiguration` names (type
 * APPMESH, the only one there is); without a proxyConfiguration no traffic is redirected. In a bare
 * container array, whose proxy configuration is written elsewhere (Terraform's
 * `proxy_configuration`): App Mesh's Envoy image, or a container configured with App Mesh's
 * variables. Envoy's own image alone is not enough: it is also a general-purpose front proxy.
 */
function meshProxy(model: TaskModel, spell: Spelling): MeshProxy | undefined {
  if (model.knowsTaskLevel) {
    const config = prop(model.task, 'proxyConfiguration');
    if (config?.type !== 'object') return undefined;
    const type = prop(config, 'type');
    if (type && str(type) !== 'APPMESH') return undefined;
    const name = str(prop(config, 'containerName'));
    const container = name && !isPlaceholder(name) ? model.byName.get(name) : undefined;
    if (!container) return undefined;
    const ignored = new Set<string>();
    for (const entry of (prop(config, 'properties')?.children ?? []) as Node[]) {
      const key = str(prop(entry, 'name'));
      const value = str(prop(entry, 'value'));
      if ((key === 'IgnoredUID' || key === 'IgnoredGID') && value)
        for (const id of value.split(',')) if (id.trim()) ignored.add(id.trim());
    }
    return { container, why: `${spell.key('proxyConfiguration')} names it`, ignored };
  }
  for (const c of model.containers) {
    const image = c.image?.value ?? '';
    const variable = appMeshVariable(c);
    if (!APPMESH_ENVOY_IMAGE.test(image) && !variable) continue;
    const user = userOf(c);
    return {
      container: c,
      why: variable ? `it is configured with ${variable}` : 'its image is aws-appmesh-envoy',
      ignored: new Set(user ? [user] : []),
    };
  }
  return undefined;
}

/** A container whose user (`uid` or `uid:gid`) is one the proxy ignores. */
function bypasses(c: ContainerModel, ignored: Set<string>): boolean {
  const user = userOf(c);
  return !!user && user.split(':').some((part) => ignored.has(part));
}

export const proxyNotAwaited: Rule = {
  id: 'proxy-not-awaited',
  severity: 'warning',
  summary:
    "An App Mesh task's container does not wait for the Envoy proxy, which takes its outbound traffic from the first packet: its first connections fail.",
  check(ctx) {
    const { model, order } = ctx;
    const mesh = meshProxy(model, ctx.spell);
    if (!mesh) return;
    const proxy = mesh.container;
    const proxyName = proxy.name?.value;
    const condition = proxy.healthCheckNode ? 'HEALTHY' : 'START';
    const bypass = [...mesh.ignored][0];
    for (const c of model.containers) {
      if (c === proxy || c.dependsOnOpen || bypasses(c, mesh.ignored)) continue;
      if (waitsTransitively(order, c, proxy)) continue;
      // Envoy waits for it (a log router, an init step): waiting back would be a cycle.
      if (waitsTransitively(order, proxy, c)) continue;
      const wait =
        condition === 'HEALTHY'
          ? `with HEALTHY, as App Mesh's guide asks, so that ${displayName(c)} starts once Envoy is ready`
          : `with START (${displayName(proxy)} has no health check, so START is the most ECS can wait for; a check on Envoy's /server_info lets it wait for HEALTHY)`;
      ctx.report({
        at: c.nameNode ?? c.node,
        container: c,
        message: `${displayName(c)} does not wait for ${displayName(proxy)}, the task's App Mesh Envoy proxy (${mesh.why}). ${model.knowsTaskLevel ? 'App Mesh' : "With the task's APPMESH proxy configuration (set outside this list), App Mesh"} redirects the task's outbound TCP traffic to Envoy from the first packet, and ECS starts containers without a dependency in no documented order, so ${displayName(c)} can start first and its first connections fail. Add a ${ctx.spell.key('dependsOn')} on ${displayName(proxy)} ${wait}${bypass ? `, or run ${displayName(c)} as user ${bypass}, whose traffic bypasses Envoy` : ''}.`,
        related: [
          {
            at: proxy.nameNode ?? proxy.node,
            message: `${displayName(proxy)} is the App Mesh Envoy proxy (${mesh.why})`,
          },
        ],
        fixes: () =>
          proxyName && !isPlaceholder(proxyName)
            ? [
                {
                  title: `Make ${displayName(c)} wait for ${proxyName} (${condition})`,
                  isPreferred: true,
                  safe: true,
                  edits: addDependsOn(ctx, c, proxyName, condition),
                },
              ]
            : [],
      });
    }
  },
};
