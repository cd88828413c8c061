/**
 * A template's unquoted `yes`, `no`, `on` or `off` (and their capitalised forms): CloudFormation
 * reads YAML as YAML 1.1 does, and cfn-lint with it, so these are booleans, where YAML 1.2 readers
 * (and most editors' YAML support) see text. The hover on such a value says how it is read.
 */
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import type { DefinitionAnalysis, Node, SourceText } from '../engine/index';
import { contains, nodeRange } from './located';

/** PyYAML's booleans besides true and false (cfn-lint reads templates with it). */
const YAML_1_1_TRUE = /^(?:yes|Yes|YES|on|On|ON)$/;
const YAML_1_1_FALSE = /^(?:no|No|NO|off|Off|OFF)$/;

export function yamlBooleanHover(
  source: SourceText,
  definition: DefinitionAnalysis,
  offset: number,
): Hover | null {
  const node = scalarAt(definition.input.root, offset);
  if (!node) return null;
  const written = source.text.slice(node.offset, node.offset + node.length);
  const value = YAML_1_1_TRUE.test(written) ? true : YAML_1_1_FALSE.test(written) ? false : null;
  // Read so: a boolean, or the text `true`/`false` where the property takes text.
  if (value === null || (node.value !== value && node.value !== String(value))) return null;
  const read = node.type === 'boolean' ? `**${value}**` : `the text \`${value}\``;
  return {
    contents: {
      kind: MarkupKind.Markdown,
      value: [
        `\`${written}\` is read as ${read}: CloudFormation reads a template as YAML 1.1 (as cfn-lint does), where an unquoted \`yes\` or \`on\` is true and \`no\` or \`off\` is false.`,
        '',
        `Write \`${value}\` to say so plainly, or \`'${written}'\` where you mean the text.`,
      ].join('\n'),
    },
    range: nodeRange(source, node),
  };
}

/** The boolean, or the text a boolean became, whose written value holds the offset. */
function scalarAt(node: Node | undefined, offset: number): Node | undefined {
  if (!node || !contains(node, offset)) return undefined;
  if (node.type === 'boolean' || node.type === 'string') return node;
  for (const child of node.children ?? []) {
    const found = scalarAt(child, offset);
    if (found) return found;
  }
  return undefined;
}
