/**
 * CloudFormation's intrinsic functions (`Ref`, `Fn::*`), read from the long form both YAML short
 * forms and JSON templates arrive in. A value the template does not spell out reaches the engine as
 * a placeholder string (placeholders.ts): `{Ref: TaskCpu}` is `${Ref TaskCpu}`, the same text for
 * the same reference, so `Name: !Ref N` and `ContainerName: !Ref N` still match each other.
 * `Fn::Sub` is its template with its `${…}` placeholders left in; `Ref: AWS::NoValue` is absent.
 */
import { elements, type Node } from '../../json';

export interface Intrinsic {
  /** `Ref`, `Fn::Sub`, `Fn::If`, … */
  name: string;
  argument: Node;
}

/** The function a one-key object calls (`{Ref: X}`, `{"Fn::Join": [...]}`), if it is one. */
export function intrinsicOf(node: Node): Intrinsic | undefined {
  if (node.type !== 'object' || node.children?.length !== 1) return undefined;
  const property = node.children[0]!;
  const name = property.children?.[0]?.value;
  const argument = property.children?.[1];
  if (typeof name !== 'string' || !argument) return undefined;
  return name === 'Ref' || name.startsWith('Fn::') ? { name, argument } : undefined;
}

/** `Ref: AWS::NoValue`: the property it is the value of is left out. */
export function isNoValue(node: Node): boolean {
  const f = intrinsicOf(node);
  return f?.name === 'Ref' && f.argument.value === 'AWS::NoValue';
}

/** `Fn::If` whose branches are all `AWS::NoValue`: absent whichever way the condition goes. */
export function isAlwaysNoValue(node: Node): boolean {
  if (isNoValue(node)) return true;
  const f = intrinsicOf(node);
  if (f?.name !== 'Fn::If') return false;
  const branches = elements(f.argument).slice(1);
  return branches.length === 2 && branches.every(isAlwaysNoValue);
}

/** Placeholders longer than this are shortened (with a hash of the whole, so they still differ). */
const MAX_PLACEHOLDER = 120;

/** The placeholder string of an intrinsic function call: `${Ref TaskCpu}`, `${Join(-, [a, Ref(B)])}`. */
export function placeholderOf(node: Node): string {
  return placeholderText(render(node, 0));
}

export function placeholderText(inner: string): string {
  // A placeholder holds no braces (placeholders.ts): nested `${X}` are written `$(X)`.
  let text = inner
    .replace(/[{]/g, '(')
    .replace(/[}]/g, ')')
    .replace(/[\r\n]+/g, ' ');
  if (text.length > MAX_PLACEHOLDER) text = `${text.slice(0, MAX_PLACEHOLDER - 10)}… ${hash(text)}`;
  return `\${${text}}`;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function render(node: Node, depth: number): string {
  if (depth > 8) return '…';
  const f = intrinsicOf(node);
  if (f) {
    const short = f.name.replace(/^Fn::/, '');
    if (f.name === 'Ref' && typeof f.argument.value === 'string') return `Ref ${f.argument.value}`;
    if (f.name === 'Fn::GetAtt') {
      if (typeof f.argument.value === 'string') return `GetAtt ${f.argument.value}`;
      const parts = elements(f.argument).map((e) => render(e, depth + 1));
      if (parts.length > 0) return `GetAtt ${parts.join('.')}`;
    }
    return `${short}(${render(f.argument, depth + 1)})`;
  }
  switch (node.type) {
    case 'string':
      return String(node.value);
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${(node.children ?? []).map((c) => render(c, depth + 1)).join(', ')}]`;
    case 'object':
      return `(${(node.children ?? [])
        .map(
          (p) =>
            `${String(p.children?.[0]?.value)}: ${p.children?.[1] ? render(p.children[1], depth + 1) : ''}`,
        )
        .join(', ')})`;
    default:
      return '';
  }
}

/**
 * The string `Fn::Sub` produces, as far as the template says: its template with each `${Var}` the
 * variable map gives a literal for replaced, and the others left as placeholders. Undefined when
 * the argument has no template string.
 */
export function substitute(argument: Node): string | undefined {
  if (argument.type === 'string') return String(argument.value);
  if (argument.type !== 'array') return undefined;
  const [template, variables] = elements(argument);
  if (template?.type !== 'string') return undefined;
  const literal = new Map<string, string>();
  for (const p of variables?.type === 'object' ? (variables.children ?? []) : []) {
    const key = p.children?.[0]?.value;
    const value = p.children?.[1];
    if (
      typeof key === 'string' &&
      value &&
      (value.type === 'string' || value.type === 'number' || value.type === 'boolean')
    )
      literal.set(key, String(value.value));
  }
  return String(template.value).replace(/\$\{([^!{}][^{}]*)\}/g, (whole, name: string) =>
    literal.has(name.trim()) ? literal.get(name.trim())! : whole,
  );
}
