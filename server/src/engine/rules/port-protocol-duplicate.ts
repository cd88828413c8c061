import { prop, str } from '../json';
import { displayName, type ContainerModel } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

/**
 * The network modes in which a port mapping takes a port of the host (or of the task's ENI). Not
 * `none`, nor a mode that is not known (undefined: a bare container array).
 */
const MODES: ReadonlySet<string | undefined> = new Set(['awsvpc', 'host', 'bridge']);

export const portProtocolDuplicate: Rule = {
  id: 'port-protocol-duplicate',
  severity: 'error',
  summary:
    'The same host port and protocol mapped twice in one task, which ECS refuses to register.',
  check(ctx) {
    const { model } = ctx;
    const mode = model.networkMode;
    if (!MODES.has(mode)) return;
    const first = new Map<string, ContainerModel>();
    for (const c of model.containers) {
      for (const mapping of c.portMappings) {
        const containerPort = mapping.containerPort?.value;
        const hostPort = mapping.hostPort?.value;
        // In bridge mode a missing (or 0) hostPort is a dynamic port: no two of them collide. In
        // awsvpc and host mode the host port is the container port.
        const port = mode === 'bridge' ? hostPort || undefined : hostPort || containerPort;
        if (port === undefined) continue;
        const protocolNode = prop(mapping.node, 'protocol');
        const written = protocolNode ? str(protocolNode) : 'tcp';
        if (written === undefined || isPlaceholder(written)) continue;
        // The same port over tcp and over udp is allowed (the X-Ray daemon listens on both).
        const protocol = written.toUpperCase();
        const key = `${protocol} ${port}`;
        const before = first.get(key);
        if (!before) {
          first.set(key, c);
          continue;
        }
        const where =
          before === c
            ? `twice in ${displayName(c)}'s ${ctx.spell.key('portMappings')}`
            : `by ${displayName(before)} and by ${displayName(c)}`;
        const shared =
          mode === 'bridge'
            ? ''
            : ` In network mode ${mode} the containers of a task share one network namespace, so two of them cannot listen on the same port.`;
        ctx.report({
          at: mapping.hostPort?.node ?? mapping.containerPort?.node ?? mapping.node,
          container: c,
          message: `${protocol} port ${port} is mapped ${where}: ECS refuses to register the task definition ("${protocol} host port '${port}' is mapped multiple times in task.").${shared} Map it once, or give one of them another port.`,
        });
      }
    }
  },
};
