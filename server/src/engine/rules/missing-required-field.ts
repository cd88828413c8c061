import type { Spelling } from '../input';
import { propertyNode, type Node } from '../json';
import { displayName, type ContainerModel } from '../model';
import type { SourceText } from '../text';
import type { Span } from '../types';
import type { ReportSpec, Rule } from './rule';

type Presence =
  { state: 'absent' } | { state: 'null' | 'empty'; node: Node } | { state: 'present' };

/**
 * Is `key` written in `obj`? Absent, null and "" (also whitespace only) count as missing; any other
 * value counts as present, a template placeholder included (also a bare `${x}` too short to be read
 * as a quoted placeholder: the parser sees null there, the text does not say null).
 */
export function presence(source: SourceText, obj: Node, key: string): Presence {
  const value = propertyNode(obj, key)?.children?.[1];
  if (!value) return { state: 'absent' };
  if (value.type === 'null')
    return /^\s*(\$\{|\{\{)/.test(source.text.slice(value.offset, value.offset + value.length))
      ? { state: 'present' }
      : { state: 'null', node: value };
  if (value.type === 'string' && typeof value.value === 'string' && value.value.trim() === '')
    return { state: 'empty', node: value };
  return { state: 'present' };
}

/** The opening brace of an object: where a missing property is reported (as JSON schema validators do). */
function openingBrace(obj: Node): Span {
  return { offset: obj.offset, length: 1 };
}

function missing(what: string, p: Presence): string {
  return p.state === 'empty'
    ? `${what} is empty`
    : p.state === 'null'
      ? `${what} is null`
      : `${what} is missing`;
}

export const missingRequiredField: Rule = {
  id: 'missing-required-field',
  severity: 'error',
  summary:
    'A field ECS requires is missing, null or empty: container name or image, or the container definitions (a missing task family is a warning).',
  check(ctx) {
    const { model, source } = ctx;
    // The JSON schema reports the same missing or empty required fields (required, minLength, minItems).
    const report = (spec: ReportSpec) => ctx.report({ ...spec, schemaCovered: true });
    if (model.knowsTaskLevel && model.task) {
      const family = presence(source, model.task, 'family');
      // CloudFormation names the family after the stack and the resource when it is left out.
      const supplied =
        model.input.suppliedByFormat?.includes('family') && family.state === 'absent';
      if (family.state !== 'present' && !supplied) {
        // A warning, not an error: generated files are often registered with a command that
        // supplies the family, which overrides the file's.
        report({
          at: family.state === 'absent' ? openingBrace(model.task) : family.node,
          severity: 'warning',
          message: `${missing(`The task definition ${ctx.spell.key('family')}`, family)}: register-task-definition needs one (the name every revision is registered under; up to 255 letters, digits, hyphens and underscores). That is fine where the command supplies it (aws ecs register-task-definition --family …, which overrides the file's), but the GitHub deploy action (aws-actions/amazon-ecs-deploy-task-definition) and ecspresso register the file as it is: they need it in the file.`,
        });
      }
      const list = model.containersNode;
      const defs = presence(source, model.task, 'containerDefinitions');
      if (defs.state === 'null' || (list?.type === 'array' && (list.children ?? []).length === 0)) {
        report({
          at: defs.state === 'null' ? defs.node : list!,
          message: `${ctx.spell.key('containerDefinitions')} ${defs.state === 'null' ? 'is null' : 'is empty'}: ECS requires at least one container definition ("Container list cannot be empty").`,
        });
      }
    }
    for (const c of model.containers) checkContainer(ctx.source, ctx.spell, c, report);
  },
};

function checkContainer(
  source: SourceText,
  spell: Spelling,
  c: ContainerModel,
  report: (spec: ReportSpec) => void,
): void {
  const name = presence(source, c.node, 'name');
  if (name.state !== 'present') {
    report({
      at: name.state === 'absent' ? openingBrace(c.node) : name.node,
      container: c,
      message: `${missing(`The name of container #${c.index + 1}`, name)}: ECS requires a name for every container ("Container.name should not be null or empty"); ${spell.key('dependsOn')}, ${spell.key('links')} and ${spell.key('volumesFrom')} refer to containers by it.`,
    });
  }
  const image = presence(source, c.node, 'image');
  if (image.state !== 'present') {
    const where = name.state === 'present' && c.nameNode ? c.nameNode : openingBrace(c.node);
    report({
      at: image.state === 'absent' ? where : image.node,
      container: c,
      message: `${missing(`The image of ${displayName(c)}`, image)}: ECS requires the image to run ("Container.image should not be null or empty"), e.g. "public.ecr.aws/nginx/nginx:1.27" or an ECR URI with a tag.`,
    });
  }
}
