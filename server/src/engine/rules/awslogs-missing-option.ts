import type { OffsetEdit } from '../input';
import { prop, str } from '../json';
import { displayName, type ContainerModel } from '../model';
import { presence } from './missing-required-field';
import type { Severity } from '../types';
import type { FixSpec, Rule, RuleContext } from './rule';

/** Placeholder values for the options only the user can fill in (fixes with them are never safe). */
export const AWSLOGS_REGION_PLACEHOLDER = '<region>';

/** Is the option written with a value (a placeholder counts; "" and null do not)? */
function given(c: ContainerModel, key: string): boolean {
  const v = prop(c.logOptionsNode, key);
  if (!v) return false;
  const s = str(v);
  return s === undefined || s.trim() !== '';
}

/**
 * Edits that add `key: value` to the container's awslogs options, creating `options` when absent or
 * null (options written as anything else are not judged, so they never get here).
 */
function addOption(ctx: RuleContext, c: ContainerModel, key: string, value: string): OffsetEdit[] {
  const options = c.logOptionsNode;
  if (options) {
    const existing = prop(options, key);
    return existing
      ? ctx.edit.setProperty(options, key, value)
      : ctx.edit.insertProperty(options, key, value);
  }
  // The log driver is read from logConfiguration, so it is an object.
  return ctx.edit.setProperty(
    c.logConfigurationNode!,
    'options',
    { [key]: value },
    {
      after: ['logDriver'],
    },
  );
}

export const awslogsMissingOption: Rule = {
  id: 'awslogs-missing-option',
  severity: 'error',
  summary:
    'awslogs without awslogs-group, awslogs-region or awslogs-stream-prefix on Fargate (ECS refuses it); on EC2 a missing group or Region, at a lower severity.',
  check(ctx) {
    const { model } = ctx;
    const fargate = model.knowsTaskLevel && model.isFargate;
    const family = model.family?.value;
    for (const c of model.containers) {
      if (c.logDriver?.value !== 'awslogs') continue;
      // Options that are a template placeholder (or not an object at all) are not judged. The log
      // driver is read from logConfiguration, so it is an object.
      const optionsWritten =
        presence(ctx.source, c.logConfigurationNode!, 'options').state === 'present';
      if (c.logOptionsNode ? c.logOptionsNode.type !== 'object' : optionsWritten) continue;
      const required = [
        'awslogs-group',
        'awslogs-region',
        ...(fargate ? ['awslogs-stream-prefix'] : []),
      ];
      const absent = required.filter((k) => !given(c, k));
      if (absent.length === 0) continue;
      const fixes = (): FixSpec[] => {
        const list: FixSpec[] = [];
        if (absent.includes('awslogs-stream-prefix')) {
          list.push({
            title: `Add ${ctx.spell.pair('awslogs-stream-prefix', 'ecs')}`,
            isPreferred: true,
            safe: true,
            edits: addOption(ctx, c, 'awslogs-stream-prefix', 'ecs'),
          });
        }
        if (absent.includes('awslogs-group')) {
          // The console's default group name; the log group must exist (or awslogs-create-group be set).
          const group = family ? `/ecs/${family}` : '/ecs/<family>';
          list.push({
            title: `Add ${ctx.spell.pair('awslogs-group', group)}`,
            isPreferred: false,
            safe: false,
            edits: addOption(ctx, c, 'awslogs-group', group),
          });
        }
        if (absent.includes('awslogs-region')) {
          list.push({
            title: `Add "${ctx.spell.key('awslogs-region')}" (fill in your Region)`,
            isPreferred: false,
            safe: false,
            edits: addOption(ctx, c, 'awslogs-region', AWSLOGS_REGION_PLACEHOLDER),
          });
        }
        return list;
      };
      const quoted = absent.map((k) => `"${k}"`);
      const list =
        quoted.length === 1
          ? quoted[0]!
          : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
      const noGroup = absent.includes('awslogs-group');
      const noRegion = absent.includes('awslogs-region');
      let consequence: string;
      let severity: Severity | undefined;
      if (fargate) {
        // Fargate: all three are "Required: Yes", and registration is refused without them.
        consequence =
          noGroup || noRegion
            ? 'On Fargate all three options are required, and ECS refuses to register the task definition without the group and Region ("Log driver awslogs requires options: awslogs-region, awslogs-group").'
            : 'On Fargate the stream prefix is required as well ("Required: Yes, when using Fargate"): streams are named prefix/container-name/task-id.';
      } else if (noGroup) {
        // EC2, or the launch type is not known: no registration error is documented, but Docker's
        // awslogs driver validates its options when the container is created.
        severity = 'warning';
        consequence = `Docker's awslogs driver refuses to create a container without a log group ("must specify a value for log opt 'awslogs-group'"), so the container does not start.${noRegion ? ' Without awslogs-region the driver uses the Region of the EC2 instance it runs on.' : ''}`;
      } else {
        severity = 'info';
        consequence =
          "The ECS API lists it as required, but on EC2 the driver falls back to the Region of the instance it runs on, so the logs go to that Region's log group.";
      }
      ctx.report({
        at: c.logDriver.node,
        container: c,
        severity,
        message: `${displayName(c)} logs with awslogs but its ${ctx.spell.key('options')} have no ${list}. ${consequence}`,
        fixes,
      });
    }
  },
};
