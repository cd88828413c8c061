/**
 * The task level: RegisterTaskDefinition's request (plus the read-only fields describe output
 * prints, so that a saved describe output is a task definition too) and describe output's wrapper.
 */
import {
  API_REFERENCE,
  bool,
  enumList,
  enumOf,
  int,
  list,
  name,
  readOnly,
  shape,
  struct,
  text,
  timestamp,
  type FieldSpec,
} from './facts';
import { COMPATIBILITIES, NETWORK_MODE_DESCRIPTIONS, NETWORK_MODES } from './enums';

/** "Containers per task definition": 10 in every Region, not adjustable (Service Quotas). */
export const MAX_CONTAINERS = 10;

/** The task's cpu or memory: a number, or a numeric string with an optional unit. */
const amount = (description: string, unit: string, patternMessage: string): FieldSpec => ({
  description,
  value: {
    type: 'amount',
    pattern: String.raw`^\s*(?:\d+|\d*\.\d+)\s*(?:${unit})?\s*$`,
    patternMessage,
  },
});

export const TASK_DEFINITION = shape('TaskDefinition', {
  description:
    'An Amazon ECS task definition: the input of register-task-definition, or the `taskDefinition` of describe-task-definition.',
  link: (field) =>
    `${API_REFERENCE}API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-${field}`,
  required: ['family', 'containerDefinitions'],
  fields: {
    family: name(
      'Name of the task definition family. Each registration adds a revision to it (`family:revision`).',
    ),
    containerDefinitions: list(
      'ContainerDefinition',
      `The containers of the task: at least one, at most ${MAX_CONTAINERS}. ECS does not document their order as a start order: use \`dependsOn\`.`,
      { minItems: 1, maxItems: MAX_CONTAINERS },
    ),
    taskRoleArn: text(
      'IAM role for the code running in the containers: the AWS SDKs and CLI inside the task use its credentials.',
    ),
    executionRoleArn: text(
      'IAM role ECS uses to start the task: to pull private images, send `awslogs` logs and read `secrets`.',
    ),
    networkMode: enumOf(
      NETWORK_MODES,
      'How the containers are networked. Fargate requires `awsvpc`; on EC2 Linux the default is `bridge`.',
      { enumDescriptions: NETWORK_MODE_DESCRIPTIONS },
    ),
    volumes: list(
      'Volume',
      'Volumes the containers mount with `mountPoints`. One with only a `name` is task storage (Fargate too): it lives as long as the task and is how an init container hands files to the others.',
      { guide: 'volumes' },
    ),
    placementConstraints: list(
      'TaskDefinitionPlacementConstraint',
      'Where tasks may be placed (EC2 only; at most 10).',
      { maxItems: 10 },
    ),
    requiresCompatibilities: enumList(
      COMPATIBILITIES,
      'Launch types this task definition is checked against at registration.',
    ),
    cpu: amount(
      'CPU of the whole task, as CPU units (`"1024"`, 1024) or vCPUs (`"1 vCPU"`). Required on Fargate, where only some cpu/memory pairs exist.',
      '[vV][cC][pP][uU]',
      'CPU units ("1024") or vCPUs ("1 vCPU").',
    ),
    memory: amount(
      'Memory of the whole task, in MiB (`"2048"`, 2048) or GB (`"2 GB"`). Required on Fargate.',
      '[gG][bB]',
      'MiB ("2048") or GB ("2 GB").',
    ),
    tags: list('Tag', 'Tags of the task definition (at most 50).', { maxItems: 50 }),
    pidMode: enumOf(
      ['host', 'task'],
      "Process namespace: `task` shares one between the containers of the task, `host` uses the instance's.",
    ),
    ipcMode: enumOf(
      ['host', 'none', 'task'],
      "IPC namespace: shared in the `task`, the `host`'s, or private to each container (`none`). Not on Fargate.",
    ),
    proxyConfiguration: struct('ProxyConfiguration', 'App Mesh proxy of the task.'),
    inferenceAccelerators: list(
      'InferenceAccelerator',
      'Elastic Inference accelerators of the task.',
    ),
    ephemeralStorage: struct(
      'EphemeralStorage',
      'Task storage on Fargate beyond the default 20 GiB.',
    ),
    runtimePlatform: struct(
      'RuntimePlatform',
      'Operating system and CPU architecture the task needs.',
    ),
    enableFaultInjection: bool('Accept fault-injection requests from the containers of the task.', {
      default: false,
    }),
    // Read-only fields printed by describe-task-definition. Files saved from its output keep them.
    taskDefinitionArn: readOnly(text('Read-only (describe output): full ARN of this revision.')),
    revision: readOnly(
      int('Read-only (describe output): revision number within the family.', { min: 1 }),
    ),
    status: readOnly(
      enumOf(
        ['ACTIVE', 'DELETE_IN_PROGRESS', 'INACTIVE'],
        'Read-only (describe output): state of this revision.',
      ),
    ),
    requiresAttributes: readOnly(
      list(
        'Attribute',
        'Read-only (describe output): container-instance attributes the task needs.',
      ),
    ),
    compatibilities: readOnly(
      enumList(
        COMPATIBILITIES,
        'Read-only (describe output): launch types this revision is valid for.',
      ),
    ),
    registeredAt: readOnly(
      timestamp('Read-only (describe output): when the revision was registered.'),
    ),
    deregisteredAt: readOnly(
      timestamp('Read-only (describe output): when the revision was deregistered.'),
    ),
    deleteRequestedAt: readOnly(
      timestamp('Read-only (describe output): when deletion of the revision was requested.'),
    ),
    registeredBy: readOnly(
      text('Read-only (describe output): principal that registered the revision.'),
    ),
  },
});

export const DESCRIBE_TASK_DEFINITION_RESPONSE = shape('DescribeTaskDefinitionResponse', {
  description:
    'Output of `aws ecs describe-task-definition`: the task definition and, with `--include TAGS`, its tags.',
  page: `${API_REFERENCE}API_DescribeTaskDefinition.html`,
  link: (field) =>
    `${API_REFERENCE}API_DescribeTaskDefinition.html#ECS-DescribeTaskDefinition-response-${field}`,
  // Optional in the API's response, but it is what makes describe output recognisable.
  required: ['taskDefinition'],
  fields: {
    taskDefinition: struct('TaskDefinition', 'The task definition.'),
    tags: list('Tag', 'Tags of the task definition (printed with `--include TAGS`).'),
  },
});
