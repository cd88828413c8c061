/**
 * The CloudFormation ↔ ECS API name table (properties.generated.ts) is what
 * scripts/generate-cloudformation-names.mjs generates from CloudFormation's resource schema and the
 * ECS API model, and it holds the names that do not follow from lower-casing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLOUDFORMATION_TYPES } from '../../../server/src/engine/formats/cloudformation/properties.generated';

test('the committed table is what scripts/generate-cloudformation-names.mjs generates (run it after an update)', async () => {
  const generator = (await import(
    pathToFileURL(resolve('scripts/generate-cloudformation-names.mjs')).href
  )) as { tableText(): Promise<string>; TABLE_PATH: string };
  assert.equal(readFileSync(generator.TABLE_PATH, 'utf8'), await generator.tableText());
});

test('the names that are not the API name with a capital first letter', () => {
  const api = (type: string, property: string) => CLOUDFORMATION_TYPES[type]?.[property]?.[0];
  assert.equal(api('ProxyConfiguration', 'ProxyConfigurationProperties'), 'properties');
  assert.equal(api('Volume', 'EFSVolumeConfiguration'), 'efsVolumeConfiguration');
  assert.equal(
    api('Volume', 'FSxWindowsFileServerVolumeConfiguration'),
    'fsxWindowsFileServerVolumeConfiguration',
  );
  assert.equal(api('EFSVolumeConfiguration', 'FilesystemId'), 'fileSystemId');
  assert.equal(api('FSxWindowsFileServerVolumeConfiguration', 'FileSystemId'), 'fileSystemId');
  assert.equal(api('AuthorizationConfig', 'IAM'), 'iam');
  assert.equal(api('ContainerDependency', 'ContainerName'), 'containerName');
  assert.equal(api('ContainerDefinition', 'DependsOn'), 'dependsOn');
});

test('free-form maps are maps, and every nested type the table names is in it', () => {
  const type = (t: string, p: string) => CLOUDFORMATION_TYPES[t]?.[p]?.[1];
  assert.equal(type('ContainerDefinition', 'DockerLabels'), 'Map<String>');
  assert.equal(type('LogConfiguration', 'Options'), 'Map<String>');
  assert.equal(type('FirelensConfiguration', 'Options'), 'Map<String>');
  assert.equal(type('DockerVolumeConfiguration', 'DriverOpts'), 'Map<String>');
  assert.equal(type('DockerVolumeConfiguration', 'Labels'), 'Map<String>');
  for (const properties of Object.values(CLOUDFORMATION_TYPES))
    for (const [, t] of Object.values(properties)) {
      const inner = t.replace(/^List<(.*)>$/, '$1');
      assert.ok(
        ['String', 'Integer', 'Boolean', 'Map<String>'].includes(inner) ||
          inner in CLOUDFORMATION_TYPES,
        t,
      );
    }
});
