/**
 * Where a container talks to localhost: `localhost:<port>` or `127.0.0.1:<port>` in its environment
 * values, command or entryPoint, matched to the container of the task that exposes that port.
 */
import { elements, str, type Node } from '../json';
import { displayName, perContainer, type ContainerModel, type TaskModel } from '../model';
import type { StartOrder } from '../startOrder';

const LOCALHOST_PORT = /(?<![\w.-])(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))(?!\d)/gi;

export interface LocalhostReference {
  /** The string node (environment value or command element) that holds the reference. */
  node: Node;
  host: string;
  port: number;
  /** The other container that exposes the port (its containerPort). */
  target: ContainerModel;
  /** The target's containerPort that exposes it. */
  portNode: Node;
}

/** A quick test that rules out most strings before the full pattern runs. */
const MAY_NAME_LOCALHOST = /localhost|127\.0\.0\.1|\[::1\]/i;

/** The string nodes of a container that name localhost (environment values, command, entryPoint). */
function strings(c: ContainerModel): Node[] {
  const out: Node[] = [];
  for (const e of c.environment)
    if (e.value && MAY_NAME_LOCALHOST.test(e.value.value)) out.push(e.value.node);
  for (const n of [...elements(c.commandNode), ...elements(c.entryPointNode)]) {
    const s = str(n);
    if (s !== undefined && MAY_NAME_LOCALHOST.test(s)) out.push(n);
  }
  return out;
}

/** The containerPort by which `c` exposes `port`, if it does. */
function exposedPort(c: ContainerModel, port: number): Node | undefined {
  for (const p of c.portMappings) if (p.containerPort?.value === port) return p.containerPort.node;
  return undefined;
}

/** `host:port` mentions in a container's strings: they depend on the container alone. */
export const localhostMentions = perContainer(
  (c: ContainerModel): { node: Node; host: string; port: number }[] => {
    const found: { node: Node; host: string; port: number }[] = [];
    for (const node of strings(c)) {
      for (const m of (node.value as string).matchAll(LOCALHOST_PORT))
        found.push({ node, host: m[1]!, port: Number(m[2]) });
    }
    return found;
  },
);

/** A finding's pointer to where the reference's target listens: its containerPort. */
export function whereTargetListens(ref: LocalhostReference): { at: Node; message: string } {
  return { at: ref.portNode, message: `${displayName(ref.target)} listens on ${ref.port}` };
}

/** The first reference per (container, target) pair, in document order. */
export function localhostReferences(model: TaskModel, c: ContainerModel): LocalhostReference[] {
  const out: LocalhostReference[] = [];
  const seen = new Set<ContainerModel>();
  for (const { node, host, port } of localhostMentions(c)) {
    // A container that exposes the port itself talks to itself.
    if (exposedPort(c, port)) continue;
    const target = model.containers.find((o) => exposedPort(o, port));
    if (!target || seen.has(target)) continue;
    seen.add(target);
    out.push({ node, host, port, target, portNode: exposedPort(target, port)! });
  }
  return out;
}

/** Does `c` wait, directly or through others, for `target` (explicit or implicit edges)? */
export function waitsTransitively(
  order: StartOrder,
  c: ContainerModel,
  target: ContainerModel,
): boolean {
  const seen = new Set<ContainerModel>([c]);
  const stack = [c];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const e of order.waitsFor.get(cur)!) {
      if (e.from === target) return true;
      if (!seen.has(e.from)) {
        seen.add(e.from);
        stack.push(e.from);
      }
    }
  }
  return false;
}
