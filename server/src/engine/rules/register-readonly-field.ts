import type { Rule } from './rule';
import { parentProperty } from '../json';
import { prepareForRegister, readOnlyProperties } from './registerInput';

export const PREPARE_TITLE = 'Prepare for register-task-definition';

export const registerReadonlyField: Rule = {
  id: 'register-readonly-field',
  severity: 'hint',
  summary:
    'describe-task-definition fields (revision, status, …) or the taskDefinition wrapper, which register-task-definition --cli-input-json rejects.',
  check(ctx) {
    const { model } = ctx;
    const task = model.task;
    if (!task) return; // a bare container array
    // describe-task-definition output: the task definition is the "taskDefinition" property's value.
    const wrapper = model.kind === 'describe' ? parentProperty(task) : undefined;
    const fields = readOnlyProperties(task);
    const prepare = () => ({
      title: PREPARE_TITLE,
      isPreferred: false,
      safe: false,
      edits: prepareForRegister(ctx.source, ctx.edit, model.root, task, wrapper),
    });
    const unwrapNote = wrapper ? ' and unwraps taskDefinition' : '';
    if (wrapper) {
      ctx.report({
        at: wrapper.children![0]!,
        message: `This is describe-task-definition output: aws ecs register-task-definition --cli-input-json takes the task definition itself, not the "taskDefinition" wrapper, and rejects it ("Unknown parameter in input"). "${PREPARE_TITLE}" unwraps it and removes the fields ECS adds on registration.`,
        fixes: () => [
          prepare(),
          {
            title: 'Unwrap "taskDefinition"',
            isPreferred: false,
            safe: false,
            edits: prepareForRegister(ctx.source, ctx.edit, model.root, task, wrapper, false),
          },
        ],
      });
    }
    for (const field of fields) {
      const key = field.children![0]!;
      const name = key.value as string;
      ctx.report({
        at: key,
        message: `"${ctx.spell.key(name)}" is set by ECS when it registers a task definition (describe-task-definition output); it is not an input: aws ecs register-task-definition --cli-input-json rejects it ("Unknown parameter in input"). "${PREPARE_TITLE}" removes all such fields${unwrapNote}.`,
        fixes: () => [
          prepare(),
          {
            title: `Remove "${ctx.spell.key(name)}"`,
            isPreferred: false,
            safe: false,
            edits: ctx.edit.removeProperty(field),
          },
        ],
      });
    }
  },
};
