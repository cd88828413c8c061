/** The task level's other nested types: placement, tags, proxy, accelerators, storage, platform. */
import { enumOf, int, list, shape, text } from './facts';
import { OS_FAMILIES } from './enums';

export const TASK_TYPE_SHAPES = [
  shape('TaskDefinitionPlacementConstraint', {
    description: 'A placement constraint.',
    fields: {
      type: enumOf(['memberOf'], 'Kind of constraint.'),
      expression: text(
        'Cluster query language expression, e.g. `attribute:ecs.instance-type =~ t3.*`.',
      ),
    },
  }),
  shape('Tag', {
    description: 'A tag.',
    fields: {
      key: text('Tag key (1 to 128 characters).', { minLength: 1, maxLength: 128 }),
      value: text('Tag value (up to 256 characters).', { maxLength: 256 }),
    },
  }),
  shape('ProxyConfiguration', {
    required: ['containerName'],
    fields: {
      containerName: text('Name of the container that is the proxy.'),
      type: enumOf(['APPMESH'], 'Proxy type.'),
      properties: list(
        'KeyValuePair',
        'Proxy settings for the CNI plugin, e.g. `IgnoredUID`, `ProxyIngressPort`, `AppPorts`.',
      ),
    },
  }),
  shape('InferenceAccelerator', {
    description: 'An Elastic Inference accelerator.',
    required: ['deviceName', 'deviceType'],
    fields: {
      deviceName: text('Name that containers use in `resourceRequirements`.'),
      deviceType: text('Accelerator type, e.g. `eia2.medium`.'),
    },
  }),
  shape('EphemeralStorage', {
    required: ['sizeInGiB'],
    fields: {
      sizeInGiB: int('Size in GiB: 21 to 200 (20 GiB when absent).', { min: 21, max: 200 }),
    },
  }),
  shape('RuntimePlatform', {
    fields: {
      cpuArchitecture: enumOf(['ARM64', 'X86_64'], 'CPU architecture.'),
      operatingSystemFamily: enumOf(OS_FAMILIES, 'Operating system family.'),
    },
  }),
  shape('Attribute', {
    description: 'A container-instance attribute.',
    required: ['name'],
    fields: {
      name: text('Attribute name, e.g. `com.amazonaws.ecs.capability.ecr-auth`.'),
      value: text('Attribute value.'),
      targetType: enumOf(['container-instance'], 'Kind of resource the attribute belongs to.'),
      targetId: text('ID of that resource.'),
    },
  }),
];
