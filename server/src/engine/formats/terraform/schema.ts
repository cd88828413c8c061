/**
 * The arguments of Terraform's `aws_ecs_task_definition` resource and the register-task-definition
 * fields they become. Source: the AWS provider's resource schema and its documentation
 * (hashicorp/terraform-provider-aws, internal/service/ecs/task_definition.go and
 * website/docs/r/ecs_task_definition.html.markdown). The provider sends each argument as the API
 * field named here; arguments of Terraform's own (`skip_destroy`, `track_latest`, `tags_all`, meta
 * arguments such as `count`) have no field and are not read.
 */

/** What an argument holds, as the provider's schema types it. */
export type ArgumentType =
  | 'string'
  | 'number'
  | 'bool'
  /** A list or set of strings. */
  | 'strings'
  /** A map of strings (HCL object) sent as an object. */
  | 'map'
  /** A map of strings sent as a list of `{ name, value }` (proxy_configuration.properties). */
  | 'name-value-list'
  /** The container definitions: JSON text (jsonencode(...), a heredoc, a string). */
  | 'json';

export interface Argument {
  /** The register-task-definition field. */
  field: string;
  type: ArgumentType;
  /**
   * The field is an object of which this argument sets one member (`host_path` is `host.sourcePath`).
   */
  member?: string;
}

export interface BlockType {
  /** The register-task-definition field. */
  field: string;
  /** Repeated blocks (`volume`) make a list; a single block (`runtime_platform`) an object. */
  list: boolean;
  schema: Schema;
}

export interface Schema {
  arguments: Record<string, Argument>;
  blocks: Record<string, BlockType>;
}

/** `network_mode` → `networkMode`: the field most arguments and blocks stand for. */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

interface BlockSpec {
  list: boolean;
  schema: Schema;
  /** The field, where it is not the block's name in camelCase. */
  field?: string;
}

/** A single block (`runtime_platform`): an object. */
const single = (schema: Schema, field?: string): BlockSpec => ({ list: false, schema, field });
/** A repeated block (`volume`): a list of objects. */
const repeated = (schema: Schema, field?: string): BlockSpec => ({ list: true, schema, field });

/**
 * A schema from its arguments (a type, where the field is the name in camelCase; the whole
 * Argument otherwise) and blocks.
 */
function schemaOf(
  argumentSpecs: Record<string, ArgumentType | Argument>,
  blockSpecs: Record<string, BlockSpec> = {},
): Schema {
  const entries = <T, U>(record: Record<string, T>, f: (value: T, name: string) => U) =>
    Object.fromEntries(Object.entries(record).map(([name, value]) => [name, f(value, name)]));
  return {
    arguments: entries(argumentSpecs, (a, name) =>
      typeof a === 'string' ? { field: camelCase(name), type: a } : a,
    ),
    blocks: entries(blockSpecs, (b, name) => ({
      field: b.field ?? camelCase(name),
      list: b.list,
      schema: b.schema,
    })),
  };
}

const volume = schemaOf(
  {
    name: 'string',
    host_path: { field: 'host', type: 'string', member: 'sourcePath' },
    configure_at_launch: { field: 'configuredAtLaunch', type: 'bool' },
  },
  {
    docker_volume_configuration: single(
      schemaOf({
        scope: 'string',
        autoprovision: 'bool',
        driver: 'string',
        driver_opts: 'map',
        labels: 'map',
      }),
    ),
    efs_volume_configuration: single(
      schemaOf(
        {
          file_system_id: 'string',
          root_directory: 'string',
          transit_encryption: 'string',
          transit_encryption_port: 'number',
        },
        { authorization_config: single(schemaOf({ access_point_id: 'string', iam: 'string' })) },
      ),
    ),
    fsx_windows_file_server_volume_configuration: single(
      schemaOf(
        { file_system_id: 'string', root_directory: 'string' },
        {
          authorization_config: single(
            schemaOf({ credentials_parameter: 'string', domain: 'string' }),
          ),
        },
      ),
    ),
  },
);

/** The resource's own arguments and blocks. */
export const TASK_DEFINITION_SCHEMA: Schema = schemaOf(
  {
    family: 'string',
    container_definitions: 'json',
    cpu: 'string',
    memory: 'string',
    network_mode: 'string',
    requires_compatibilities: 'strings',
    execution_role_arn: 'string',
    task_role_arn: 'string',
    ipc_mode: 'string',
    pid_mode: 'string',
    enable_fault_injection: 'bool',
  },
  {
    volume: repeated(volume, 'volumes'),
    placement_constraints: repeated(schemaOf({ type: 'string', expression: 'string' })),
    proxy_configuration: single(
      schemaOf({ type: 'string', container_name: 'string', properties: 'name-value-list' }),
    ),
    runtime_platform: single(
      schemaOf({ cpu_architecture: 'string', operating_system_family: 'string' }),
    ),
    ephemeral_storage: single(schemaOf({ size_in_gib: { field: 'sizeInGiB', type: 'number' } })),
    inference_accelerator: repeated(
      schemaOf({ device_name: 'string', device_type: 'string' }),
      'inferenceAccelerators',
    ),
  },
);

/** How a field of a schema is written in Terraform: an argument or a block, and its name. */
export type Written =
  | { kind: 'argument'; name: string; argument: Argument }
  | { kind: 'block'; name: string; block: BlockType };

/** The argument or block that writes `field` (first match), in `schema`. */
export function writtenAs(schema: Schema, field: string): Written | undefined {
  for (const [name, argument] of Object.entries(schema.arguments))
    if (argument.field === field && !argument.member) return { kind: 'argument', name, argument };
  for (const [name, block] of Object.entries(schema.blocks))
    if (block.field === field) return { kind: 'block', name, block };
  return undefined;
}

/**
 * A register-task-definition path (`networkMode`, `volumes.host.sourcePath`) as Terraform writes
 * it (`network_mode`, `volume.host_path`); undefined when Terraform has no argument for it. The
 * path starts at the task, or at `from` (a block's schema).
 */
export function terraformPath(
  path: string,
  from: Schema = TASK_DEFINITION_SCHEMA,
): string | undefined {
  const parts = path.split('.');
  const out: string[] = [];
  let schema: Schema | undefined = from;
  for (let i = 0; i < parts.length; i++) {
    if (!schema) return undefined;
    const part = parts[i]!;
    const written = writtenAs(schema, part);
    if (written) {
      out.push(written.name);
      schema = written.kind === 'block' ? written.block.schema : undefined;
      continue;
    }
    // A member of an object one argument sets (`host.sourcePath` is `host_path`).
    const next = parts[i + 1];
    const member = Object.entries(schema.arguments).find(
      ([, a]) => a.field === part && a.member === next,
    );
    if (!member) return undefined;
    out.push(member[0]);
    schema = undefined;
    i++;
  }
  return out.join('.');
}

/**
 * A path as Terraform writes it inside any of the resource's blocks, the outer ones first
 * (`dockerVolumeConfiguration` of a volume is `docker_volume_configuration`, `host.sourcePath` is
 * `host_path`).
 */
export function terraformPathInBlocks(
  path: string,
  schema: Schema = TASK_DEFINITION_SCHEMA,
): string | undefined {
  const blocks = Object.values(schema.blocks);
  for (const block of blocks) {
    const found = terraformPath(path, block.schema);
    if (found !== undefined) return found;
  }
  for (const block of blocks) {
    const found = terraformPathInBlocks(path, block.schema);
    if (found !== undefined) return found;
  }
  return undefined;
}
