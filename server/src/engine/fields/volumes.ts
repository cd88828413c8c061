/** The task's volumes and the configuration of each kind of volume. */
import { bool, enumOf, int, map, name, shape, struct, text } from './facts';

export const VOLUME_SHAPES = [
  shape('Volume', {
    description: 'A volume of the task, mounted by containers through `mountPoints`.',
    fields: {
      name: name('Name that `mountPoints[].sourceVolume` refers to.'),
      host: struct(
        'HostVolumeProperties',
        'A bind mount. Without `sourcePath` the data lives as long as the task.',
      ),
      dockerVolumeConfiguration: struct('DockerVolumeConfiguration', 'A Docker volume (EC2 only).'),
      efsVolumeConfiguration: struct('EFSVolumeConfiguration', 'An Amazon EFS file system.'),
      s3filesVolumeConfiguration: struct(
        'S3FilesVolumeConfiguration',
        'An Amazon S3 Files file system.',
      ),
      fsxWindowsFileServerVolumeConfiguration: struct(
        'FSxWindowsFileServerVolumeConfiguration',
        'An FSx for Windows File Server file system (EC2 Windows).',
      ),
      configuredAtLaunch: bool(
        'The volume (an EBS volume) is configured when a task or service is started, not here.',
      ),
    },
  }),
  shape('HostVolumeProperties', {
    fields: {
      sourcePath: text('Path on the host (EC2 and external instances; not on Fargate).'),
    },
  }),
  shape('DockerVolumeConfiguration', {
    fields: {
      scope: enumOf(
        ['shared', 'task'],
        '`task`: removed when the task stops; `shared`: kept after it.',
      ),
      autoprovision: bool('Create the volume if it does not exist (only with `shared` scope).', {
        default: false,
      }),
      driver: text('Volume driver (default `local`).'),
      driverOpts: map('Options for the driver.'),
      labels: map('Docker labels of the volume.'),
    },
  }),
  shape('EFSVolumeConfiguration', {
    required: ['fileSystemId'],
    fields: {
      fileSystemId: text('ID of the file system, e.g. `fs-12345678`.'),
      rootDirectory: text(
        'Directory of the file system to mount (default `/`; must be `/` or absent with an access point).',
      ),
      transitEncryption: enumOf(
        ['DISABLED', 'ENABLED'],
        'Encrypt traffic to EFS; required with IAM authorization or an access point.',
        { default: 'DISABLED' },
      ),
      transitEncryptionPort: int('Port for the encrypted traffic.', { min: 0, max: 65535 }),
      authorizationConfig: struct('EFSAuthorizationConfig', 'Access point and IAM authorization.'),
    },
  }),
  shape('EFSAuthorizationConfig', {
    fields: {
      accessPointId: text('ID of the EFS access point.'),
      iam: enumOf(['DISABLED', 'ENABLED'], 'Mount with the task role (needs transit encryption).', {
        default: 'DISABLED',
      }),
    },
  }),
  shape('S3FilesVolumeConfiguration', {
    required: ['fileSystemArn'],
    fields: {
      fileSystemArn: text('ARN of the S3 Files file system.'),
      rootDirectory: text(
        'Directory to mount (default `/`; must be `/` or absent with an access point).',
      ),
      transitEncryptionPort: int('Port for the encrypted traffic.', { min: 0, max: 65535 }),
      accessPointArn: text('ARN of the S3 Files access point.'),
    },
  }),
  shape('FSxWindowsFileServerVolumeConfiguration', {
    required: ['fileSystemId', 'rootDirectory', 'authorizationConfig'],
    fields: {
      fileSystemId: text('ID of the file system.'),
      rootDirectory: text('Directory of the file system to mount.'),
      authorizationConfig: struct(
        'FSxWindowsFileServerAuthorizationConfig',
        'Credentials to mount the file system.',
      ),
    },
  }),
  shape('FSxWindowsFileServerAuthorizationConfig', {
    required: ['credentialsParameter', 'domain'],
    fields: {
      credentialsParameter: text(
        'ARN of the Secrets Manager secret or SSM parameter with the credentials.',
      ),
      domain: text('Fully qualified domain name of the Active Directory.'),
    },
  }),
];
