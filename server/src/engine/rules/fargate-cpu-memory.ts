import { num, str, type Node } from '../json';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
import { fargateElement } from './fargate-network-mode';
import { presence } from './missing-required-field';
import type { FixSpec, Rule } from './rule';

/** Valid Fargate task sizes: CPU units → memory in MiB (AWS "task-cpu-memory-error", TaskDefinition.memory). */
export const FARGATE_SIZES: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, steps(1024, 4096, 1024)],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += by) out.push(v);
  return out;
}

type Read =
  | { kind: 'value'; units: number; form: 'number' | 'string' | 'unit-string'; spaced: boolean }
  | { kind: 'placeholder' }
  | { kind: 'unknown'; text: string };

/** Task cpu: CPU units (1024, "1024") or vCPUs ("1 vCPU", "1 vcpu", "0.25 vCPU"). */
export function readCpu(node: Node): Read {
  return read(node, /^(\d+(?:\.\d+)?)(\s*)vcpus?$/i, 1024);
}

/** Task memory: MiB (2048, "2048") or GB ("2GB", "2 GB", "0.5 GB"). */
export function readMemory(node: Node): Read {
  return read(node, /^(\d+(?:\.\d+)?)(\s*)gb$/i, 1024);
}

function read(node: Node, unitForm: RegExp, factor: number): Read {
  const number = num(node);
  if (number !== undefined) return { kind: 'value', units: number, form: 'number', spaced: false };
  const written = str(node);
  if (written === undefined) return { kind: 'unknown', text: JSON.stringify(node.value ?? null) };
  const text = written.trim();
  if (isPlaceholder(text) || containsPlaceholder(text)) return { kind: 'placeholder' };
  if (/^\d+$/.test(text))
    return { kind: 'value', units: Number(text), form: 'string', spaced: false };
  const m = unitForm.exec(text);
  if (m)
    return {
      kind: 'value',
      units: Number(m[1]) * factor,
      form: 'unit-string',
      spaced: m[2] !== '',
    };
  return { kind: 'unknown', text: written };
}

function vcpu(units: number): string {
  return `${units / 1024} vCPU`;
}

/** "512, 1024 or 2048", or "from 4096 to 16384 in steps of 1024" for the long lists. */
export function describeMemory(values: readonly number[]): string {
  if (values.length <= 7) return orList(values.map(String));
  return `${values[0]} to ${values[values.length - 1]} in steps of ${values[1]! - values[0]!}`;
}

function orList(items: string[]): string {
  return items.length === 1
    ? items[0]!
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The valid values nearest to `value` (one on each side at most), nearest first. */
function nearest(value: number, valid: readonly number[]): number[] {
  const below = [...valid].reverse().find((v) => v < value);
  const above = valid.find((v) => v > value);
  // The sort is stable: of two at the same distance, the lower (listed first) stays first.
  return [below, above]
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => Math.abs(a - value) - Math.abs(b - value));
}

/** `mib` written the way the user wrote their memory: number, numeric string, or a GB string. */
/** A memory value written in the form of the one it replaces: a number, "2048" or "2 GB". */
function memoryValue(mib: number, like: Read & { kind: 'value' }): number | string {
  if (like.form === 'number') return mib;
  if (like.form === 'unit-string' && mib % 1024 === 0)
    return `${mib / 1024}${like.spaced ? ' ' : ''}GB`;
  return String(mib);
}

export const fargateCpuMemory: Rule = {
  id: 'fargate-cpu-memory',
  severity: 'error',
  summary:
    'A Fargate task without task-level cpu and memory, or with a pair Fargate does not offer (e.g. cpu 256 with memory 4096).',
  check(ctx) {
    const { model } = ctx;
    if (!model.isFargate) return;
    // isFargate is read from the task's requiresCompatibilities, so there is a task.
    const task = model.task!;
    const compat =
      fargateElement(model.requiresCompatibilitiesNode) ?? model.requiresCompatibilitiesNode!;
    const cpuNode = model.cpuNode;
    const memNode = model.memoryNode;
    const cpuWritten =
      cpuNode !== undefined || presence(ctx.source, task, 'cpu').state === 'present';
    const memWritten =
      memNode !== undefined || presence(ctx.source, task, 'memory').state === 'present';
    const cpu = cpuNode ? readCpu(cpuNode) : undefined;
    const mem = memNode ? readMemory(memNode) : undefined;

    if (!cpuWritten || !memWritten) {
      const absent = [!cpuWritten && ctx.spell.key('cpu'), !memWritten && ctx.spell.key('memory')]
        .filter(Boolean)
        .join(' and ');
      const fixes: FixSpec[] = [];
      if (!memWritten && cpu?.kind === 'value' && FARGATE_SIZES.has(cpu.units)) {
        const mib = FARGATE_SIZES.get(cpu.units)![0]!;
        const text = cpu.form === 'number' ? mib : String(mib);
        fixes.push({
          title: `Add ${ctx.spell.pair('memory', text)}`,
          isPreferred: true,
          safe: false,
          edits: ctx.edit.insertProperty(task, 'memory', text, { after: ['cpu'] }),
        });
      }
      if (!cpuWritten && mem?.kind === 'value') {
        const units = [...FARGATE_SIZES].find(([, mems]) => mems.includes(mem.units))?.[0];
        if (units !== undefined) {
          const text = mem.form === 'number' ? units : String(units);
          fixes.push({
            title: `Add ${ctx.spell.pair('cpu', text)}`,
            isPreferred: true,
            safe: false,
            edits: ctx.edit.insertProperty(task, 'cpu', text, {
              after: ['requiresCompatibilities'],
            }),
          });
        }
      }
      ctx.report({
        // The one of the pair that is there, next to the one that is not.
        at: memNode ?? cpuNode ?? compat,
        message: `This task requires FARGATE but has no task-level ${absent}: Fargate requires both, as a pair from its table of task sizes, so ECS rejects the task definition${cpuWritten ? '' : ` ("Fargate requires that 'cpu' be defined at the task level")`}.`,
        fixes,
      });
      return;
    }
    if (!cpu || !mem || cpu.kind === 'placeholder' || mem.kind === 'placeholder') return;
    if (cpu.kind === 'unknown' || mem.kind === 'unknown') {
      for (const [what, r, node, forms] of [
        ['cpu', cpu, cpuNode!, 'CPU units (1024) or vCPUs ("1 vCPU")'],
        ['memory', mem, memNode!, 'MiB (2048) or GB ("2 GB")'],
      ] as const) {
        if (r.kind !== 'unknown') continue;
        ctx.report({
          at: node,
          severity: 'warning',
          message: `${JSON.stringify(r.text)} is not a task ${ctx.spell.key(what)} value in a form ECS documents: ${forms}. Fargate then cannot check it against its task sizes.`,
        });
      }
      return;
    }
    const memories = FARGATE_SIZES.get(cpu.units);
    if (!memories) {
      ctx.report({
        at: cpuNode!,
        message: `${ctx.spell.key('cpu')} ${JSON.stringify(cpuNode!.value)} is not a Fargate task size: Fargate offers 256 (.25 vCPU), 512 (.5 vCPU), 1024 (1 vCPU), 2048 (2 vCPU), 4096 (4 vCPU), 8192 (8 vCPU) and 16384 (16 vCPU) CPU units, so ECS rejects the task definition ("Invalid 'cpu' setting for task").`,
      });
      return;
    }
    if (memories.includes(mem.units)) return;
    const options = nearest(mem.units, memories);
    const tie =
      options.length === 2 &&
      Math.abs(options[0]! - mem.units) === Math.abs(options[1]! - mem.units);
    const written = JSON.stringify(memNode!.value);
    const other = [...FARGATE_SIZES]
      .filter(([, mems]) => mems.includes(mem.units))
      .map(([u]) => `${u} (${vcpu(u)})`);
    const memory = ctx.spell.key('memory');
    const cpuKey = ctx.spell.key('cpu');
    ctx.report({
      at: memNode!,
      message: `${memory} ${written}${mem.form === 'unit-string' ? ` (${mem.units} MiB)` : ''} is not offered with ${cpuKey} ${cpu.units} (${vcpu(cpu.units)}) on Fargate: with that ${cpuKey}, ${memory} must be ${describeMemory(memories)} MiB, so ECS rejects the task definition.${other.length > 0 ? ` ${mem.units} MiB goes with ${cpuKey} ${orList(other)}.` : ''}`,
      related: [{ at: cpuNode!, message: `${cpuKey} ${cpu.units} (${vcpu(cpu.units)})` }],
      fixes: () =>
        options.map((mib, i) => {
          const value = memoryValue(mib, mem);
          const text = JSON.stringify(value);
          return {
            title: `Change ${memory} to ${text}`,
            isPreferred: i === 0 && !tie,
            safe: false,
            edits: ctx.edit.replaceValue(memNode!, value),
          };
        }),
    });
  },
};
