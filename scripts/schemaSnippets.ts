/**
 * VS Code's `defaultSnippets` for the JSON schema (scripts/generate-schema.ts): what the editor
 * offers when a task definition, a container or one of its parts is completed. A string starting
 * with `^` is inserted as JSON (a number, not a string); test/unit/schema.test.ts checks that every
 * snippet, expanded with its defaults, is valid.
 */
interface Snippet {
  label: string;
  description?: string;
  body: unknown;
}

export const SNIPPETS: Record<string, Snippet[]> = {
  TaskDefinition: [
    {
      label: 'Fargate task definition',
      description: 'awsvpc, 0.25 vCPU / 512 MiB, one container logging to CloudWatch Logs',
      body: {
        family: '${1:my-app}',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '${2:256}',
        memory: '${3:512}',
        executionRoleArn: 'arn:aws:iam::${4:123456789012}:role/ecsTaskExecutionRole',
        containerDefinitions: [
          {
            name: '${5:app}',
            image: '${6:public.ecr.aws/nginx/nginx:1.27}',
            essential: true,
            portMappings: [
              {
                containerPort: '^${7:80}',
                protocol: 'tcp',
              },
            ],
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': '/ecs/${1}',
                'awslogs-region': '${8:eu-west-1}',
                'awslogs-stream-prefix': 'ecs',
              },
            },
          },
        ],
      },
    },
  ],
  ContainerDefinition: [
    {
      label: 'Container',
      description: 'An essential container with a port',
      body: {
        name: '${1:app}',
        image: '${2:repository/image:tag}',
        essential: true,
        portMappings: [
          {
            containerPort: '^${3:8080}',
          },
        ],
      },
    },
    {
      label: 'Init container',
      description: 'Runs once before the app; the app waits for it with dependsOn SUCCESS',
      body: {
        name: '${1:init}',
        image: '${2:repository/image:tag}',
        essential: false,
        command: ['${3:sh}', '${4:-c}', '${5:echo setup}'],
      },
    },
  ],
  PortMapping: [
    {
      label: 'Port',
      body: {
        containerPort: '^${1:8080}',
        protocol: 'tcp',
      },
    },
  ],
  KeyValuePair: [
    {
      label: 'Variable',
      body: {
        name: '${1:NAME}',
        value: '${2:value}',
      },
    },
  ],
  MountPoint: [
    {
      label: 'Mount point',
      body: {
        sourceVolume: '${1:data}',
        containerPath: '${2:/data}',
        readOnly: false,
      },
    },
  ],
  Secret: [
    {
      label: 'Secret',
      body: {
        name: '${1:NAME}',
        valueFrom: '${2:arn:aws:secretsmanager:region:account:secret:name}',
      },
    },
  ],
  ContainerDependency: [
    {
      label: 'Wait for an init container to succeed',
      body: {
        containerName: '${1:init}',
        condition: 'SUCCESS',
      },
    },
    {
      label: 'Wait for a container to be healthy',
      body: {
        containerName: '${1:sidecar}',
        condition: 'HEALTHY',
      },
    },
  ],
  Ulimit: [
    {
      label: 'Open files',
      body: {
        name: 'nofile',
        softLimit: '^${1:65535}',
        hardLimit: '^${2:65535}',
      },
    },
  ],
  LogConfiguration: [
    {
      label: 'awslogs (CloudWatch Logs)',
      body: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '${1:/ecs/my-app}',
          'awslogs-region': '${2:eu-west-1}',
          'awslogs-stream-prefix': '${3:ecs}',
        },
      },
    },
    {
      label: 'awsfirelens (to the FireLens router)',
      body: {
        logDriver: 'awsfirelens',
        options: {
          Name: '${1:cloudwatch_logs}',
        },
      },
    },
  ],
  HealthCheck: [
    {
      label: 'HTTP health check',
      body: {
        command: ['CMD-SHELL', '${1:curl -f http://localhost:8080/ || exit 1}'],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: '^${2:10}',
      },
    },
  ],
  FirelensConfiguration: [
    {
      label: 'Fluent Bit router',
      body: {
        type: 'fluentbit',
        options: {
          'enable-ecs-log-metadata': 'true',
        },
      },
    },
  ],
  Volume: [
    {
      label: 'Task volume',
      description: 'Shared by the containers of the task while it runs',
      body: {
        name: '${1:shared}',
      },
    },
    {
      label: 'EFS volume',
      body: {
        name: '${1:data}',
        efsVolumeConfiguration: {
          fileSystemId: '${2:fs-12345678}',
          transitEncryption: 'ENABLED',
        },
      },
    },
  ],
};
