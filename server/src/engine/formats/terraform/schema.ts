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

const volume: Schema = {
  arguments: {
    name: { field: 'name', type: 'string' },
    host_path: { field: 'host', type: 'string', member: 'sourcePath' },
    configure_at_launch: { field: 'configuredAtLaunch', type: 'bool' },
  },
  blocks: {
    docker_volume_configuration: {
      field: 'dockerVolumeConfiguration',
      list: false,
      schema: {
        arguments: {
          scope: { field: 'scope', type: 'string' },
          autoprovision: { field: 'autoprovision', type: 'bool' },
          driver: { field: 'driver', type: 'string' },
          driver_opts: { field: 'driverOpts', type: 'map' },
          labels: { field: 'labels', type: 'map' },
        },
        blocks: {},
      },
    },
    efs_volume_configuration: {
      field: 'efsVolumeConfiguration',
      list: false,
      schema: {
        arguments: {
          file_system_id: { field: 'fileSystemId', type: 'string' },
          root_directory: { field: 'rootDirectory', type: 'string' },
          transit_encryption: { field: 'transitEncryption', type: 'string' },
          transit_encryption_port: { field: 'transitEncryptionPort', type: 'number' },
        },
        blocks: {
          authorization_config: {
            field: 'authorizationConfig',
            list: false,
            schema: {
              arguments: {
                access_point_id: { field: 'accessPointId', type: 'string' },
                iam: { field: 'iam', type: 'string' },
              },
              blocks: {},
            },
          },
        },
      },
    },
    fsx_windows_file_server_volume_configuration: {
      field: 'fsxWindowsFileServerVolumeConfiguration',
      list: false,
      schema: {
        arguments: {
          file_system_id: { field: 'fileSystemId', type: 'string' },
          root_directory: { field: 'rootDirectory', type: 'string' },
        },
        blocks: {
          authorization_config: {
            field: 'authorizationConfig',
            list: false,
            schema: {
              arguments: {
                credentials_parameter: { field: 'credentialsParameter', type: 'string' },
                domain: { field: 'domain', type: 'string' },
              },
              blocks: {},
            },
          },
        },
      },
    },
  },
};

/** The resource's own arguments and blocks. */
export const TASK_DEFINITION_SCHEMA: Schema = {
  arguments: {
    family: { field: 'family', type: 'string' },
    container_definitions: { field: 'containerDefinitions', type: 'json' },
    cpu: { field: 'cpu', type: 'string' },
    memory: { field: 'memory', type: 'string' },
    network_mode: { field: 'networkMode', type: 'string' },
    requires_compatibilities: { field: 'requiresCompatibilities', type: 'strings' },
    execution_role_arn: { field: 'executionRoleArn', type: 'string' },
    task_role_arn: { field: 'taskRoleArn', type: 'string' },
    ipc_mode: { field: 'ipcMode', type: 'string' },
    pid_mode: { field: 'pidMode', type: 'string' },
    enable_fault_injection: { field: 'enableFaultInjection', type: 'bool' },
  },
  blocks: {
    volume: { field: 'volumes', list: true, schema: volume },
    placement_constraints: {
      field: 'placementConstraints',
      list: true,
      schema: {
        arguments: {
          type: { field: 'type', type: 'string' },
          expression: { field: 'expression', type: 'string' },
        },
        blocks: {},
      },
    },
    proxy_configuration: {
      field: 'proxyConfiguration',
      list: false,
      schema: {
        arguments: {
          type: { field: 'type', type: 'string' },
          container_name: { field: 'containerName', type: 'string' },
          properties: { field: 'properties', type: 'name-value-list' },
        },
        blocks: {},
      },
    },
    runtime_platform: {
      field: 'runtimePlatform',
      list: false,
      schema: {
        arguments: {
          cpu_architecture: { field: 'cpuArchitecture', type: 'string' },
          operating_system_family: { field: 'operatingSystemFamily', type: 'string' },
        },
        blocks: {},
      },
    },
    ephemeral_storage: {
      field: 'ephemeralStorage',
      list: false,
      schema: {
        arguments: { size_in_gib: { field: 'sizeInGiB', type: 'number' } },
        blocks: {},
      },
    },
    inference_accelerator: {
      field: 'inferenceAccelerators',
      list: true,
      schema: {
        arguments: {
          device_name: { field: 'deviceName', type: 'string' },
          device_type: { field: 'deviceType', type: 'string' },
        },
        blocks: {},
      },
    },
  },
};

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
