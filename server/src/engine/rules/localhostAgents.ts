/**
 * Where a container talks to a well-known telemetry agent of its task on localhost. The agents
 * listen on their default ports whether or not the task definition declares them in
 * portMappings, so a `localhost:<port>` in the app reaches for the agent even when no container
 * declares the port.
 */
import type { ContainerModel, TaskModel } from '../model';
import { localhostMentions, type LocalhostReference } from './localhost';

interface Agent {
  /** The agent in plain words, as a message names it. */
  name: string;
  /** Image repositories, without registry prefix `docker.io/`, tag or digest. */
  images: RegExp;
  ports: ReadonlyMap<number, string>;
}

const AGENTS: readonly Agent[] = [
  {
    name: 'the CloudWatch agent',
    images: /^(amazon\/cloudwatch-agent|public\.ecr\.aws\/cloudwatch-agent\/cloudwatch-agent)$/,
    ports: new Map([[25888, 'embedded metric format']]),
  },
  {
    name: 'the X-Ray daemon',
    images: /^(amazon\/aws-xray-daemon|public\.ecr\.aws\/xray\/aws-xray-daemon)$/,
    ports: new Map([[2000, 'trace segments, UDP']]),
  },
  {
    name: 'the OpenTelemetry collector',
    images:
      /^(public\.ecr\.aws\/aws-observability\/aws-otel-collector|amazon\/aws-otel-collector|otel\/opentelemetry-collector[\w-]*)$/,
    ports: new Map([
      [4317, 'OTLP over gRPC'],
      [4318, 'OTLP over HTTP'],
    ]),
  },
  {
    name: 'the Datadog agent',
    images: /^(datadog\/agent|public\.ecr\.aws\/datadog\/agent|gcr\.io\/datadoghq\/agent)$/,
    ports: new Map([
      [8125, 'DogStatsD, UDP'],
      [8126, 'APM traces'],
    ]),
  },
];

/**
 * Environment variables that hold only the agent's host: the tracer adds the agent's default
 * port itself (Datadog's tracers send to DD_AGENT_HOST:8126).
 */
const HOST_ONLY_VARIABLES: ReadonlyMap<string, number> = new Map([['DD_AGENT_HOST', 8126]]);

const LOCALHOST_ONLY = /^(localhost|127\.0\.0\.1|\[::1\])$/i;

/** The repository of an image reference: no `docker.io/` prefix, no tag, no digest. */
function repository(image: string): string {
  return image
    .trim()
    .toLowerCase()
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '')
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
}

function agentOf(c: ContainerModel): Agent | undefined {
  const image = c.image?.value;
  if (image === undefined) return undefined;
  const repo = repository(image);
  return AGENTS.find((a) => a.images.test(repo));
}

export interface AgentReference extends Omit<LocalhostReference, 'portNode'> {
  /** The agent in plain words and what its port carries. */
  agent: string;
  carries: string;
  /** The string holds only the host (DD_AGENT_HOST): the client adds the port. */
  hostOnly: boolean;
}

/**
 * The first reference per agent container, in document order, to an agent port that no container
 * of the task declares (a declared port is a plain localhost reference).
 */
/** The task's agent containers, found once per task (not once per container that might use one). */
const agentsOfTask = new WeakMap<TaskModel, { container: ContainerModel; agent: Agent }[]>();

function taskAgents(model: TaskModel): { container: ContainerModel; agent: Agent }[] {
  let agents = agentsOfTask.get(model);
  if (!agents) {
    agents = model.containers.flatMap((o) => {
      const agent = agentOf(o);
      return agent ? [{ container: o, agent }] : [];
    });
    agentsOfTask.set(model, agents);
  }
  return agents;
}

export function agentReferences(model: TaskModel, c: ContainerModel): AgentReference[] {
  // An agent's own settings name its ports (and other agents'): only apps are judged.
  const agents = taskAgents(model);
  if (agents.length === 0 || agentOf(c)) return [];
  const candidates: {
    node: LocalhostReference['node'];
    host: string;
    port: number;
    hostOnly: boolean;
  }[] = [];
  for (const e of c.environment) {
    const port = e.name && HOST_ONLY_VARIABLES.get(e.name.value);
    if (port && e.value && LOCALHOST_ONLY.test(e.value.value.trim()))
      candidates.push({ node: e.value.node, host: e.value.value.trim(), port, hostOnly: true });
  }
  for (const m of localhostMentions(c)) candidates.push({ ...m, hostOnly: false });
  candidates.sort((a, b) => a.node.offset - b.node.offset);
  const declared = (port: number) =>
    model.containers.some((o) => o.portMappings.some((p) => p.containerPort?.value === port));
  const out: AgentReference[] = [];
  const seen = new Set<ContainerModel>();
  for (const { node, host, port, hostOnly } of candidates) {
    if (declared(port)) continue;
    const found = agents.find((a) => a.agent.ports.has(port));
    if (!found || seen.has(found.container)) continue;
    seen.add(found.container);
    out.push({
      node,
      host,
      port,
      target: found.container,
      agent: found.agent.name,
      carries: found.agent.ports.get(port)!,
      hostOnly,
    });
  }
  return out;
}
