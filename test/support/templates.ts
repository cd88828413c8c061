/**
 * Task definitions written as CloudFormation templates: the same fields under CloudFormation's
 * names (by the generated property table), as a YAML or JSON template in one of the styles real
 * templates use. The template tests compare the engine on a task definition and on its templates.
 */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { propertyForApi } from '../../server/src/engine/formats/cloudformation/schema';
import type { ValueType } from '../../server/src/engine/formats/cloudformation/schema';

const TASK: ValueType = { kind: 'object', name: 'AWS::ECS::TaskDefinition' };

/**
 * A value of the API written with CloudFormation's names. A field CloudFormation has no property
 * for (describe-task-definition's `revision`, a typo) is left out, as a template cannot hold it.
 */
export function toCloudFormation(value: unknown, type: ValueType = TASK): unknown {
  if (Array.isArray(value))
    return value.map((v) =>
      toCloudFormation(v, type.kind === 'list' ? type.element : { kind: 'unknown' }),
    );
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null) continue;
    if (type.kind === 'map') out[key] = v;
    else if (type.kind === 'object') {
      const property = propertyForApi(type.name, key);
      if (property) out[property.cfn] = toCloudFormation(v, property.type);
    }
  }
  return out;
}

export interface TemplateStyle {
  format: 'yaml' | 'json';
  /** YAML: sequences indented under their key (`Key:\n  - a`) or level with it (`Key:\n- a`). */
  indentSeq?: boolean;
  /** YAML: small mappings and lists of scalars in flow style (`{ContainerName: a, Condition: START}`). */
  flow?: boolean;
  /** Indentation width. */
  indent?: number;
  crlf?: boolean;
}

export const STYLES: Record<string, TemplateStyle> = {
  'yaml block': { format: 'yaml', indentSeq: true, indent: 2 },
  'yaml unindented sequences, 4 spaces': { format: 'yaml', indentSeq: false, indent: 4 },
  'yaml flow mappings, CRLF': {
    format: 'yaml',
    indentSeq: true,
    flow: true,
    indent: 2,
    crlf: true,
  },
  'json template': { format: 'json', indent: 2 },
};

/** A template whose one resource `TaskDef` has the task definition's fields as Properties. */
export function templateOf(taskDefinition: unknown, style: TemplateStyle): string {
  return templateOfAll({ TaskDef: taskDefinition }, style);
}

/** A template with one AWS::ECS::TaskDefinition resource per entry (logical ID → task definition). */
export function templateOfAll(
  taskDefinitions: Record<string, unknown>,
  style: TemplateStyle,
): string {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'A task definition written as a template',
    Resources: Object.fromEntries(
      Object.entries(taskDefinitions).map(([id, task]) => [
        id,
        { Type: 'AWS::ECS::TaskDefinition', Properties: toCloudFormation(task) },
      ]),
    ),
  };
  let text: string;
  if (style.format === 'json') text = `${JSON.stringify(template, null, style.indent ?? 2)}\n`;
  else {
    const doc = new Document(template);
    if (style.flow) {
      visit(doc, {
        Map(_, node) {
          const small =
            node.items.length > 0 &&
            node.items.length <= 3 &&
            node.items.every((p) => isScalar(p.value));
          if (small) node.flow = true;
        },
        Seq(_, node) {
          if (node.items.length > 0 && node.items.every((i) => isScalar(i))) node.flow = true;
        },
      });
    }
    // A comment in the middle of the containers: edits keep it.
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === 'ContainerDefinitions' && isSeq(pair.value))
          pair.value.commentBefore = ' the containers';
        if (isScalar(pair.key) && pair.key.value === 'Properties' && isMap(pair.value))
          pair.value.comment = ' end of properties';
      },
    });
    text = doc.toString({
      indent: style.indent ?? 2,
      indentSeq: style.indentSeq ?? true,
      lineWidth: 0,
    });
  }
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}
