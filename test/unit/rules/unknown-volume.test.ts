import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const NO_VOLUMES = fixture('unknown-volume/ghost-content-volume-not-declared.json');
const EMPTY_VOLUMES = edit(
  NO_VOLUMES,
  '  ],\n  "requiresCompatibilities"',
  '  ],\n  "volumes": [],\n  "requiresCompatibilities"',
);
const TYPO = fixture('unknown-volume/ghost-content-volume-misspelt.json');
/** A volume for each of two sites; the cms mounts neither. */
const TWO_SITES = edit(
  TYPO,
  ['"contnet"', '"site"'],
  [
    '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }',
    '{ "name": "site1" },\n    { "name": "site2" }',
  ],
);
/** TYPO with a scratch volume that has no name yet. */
const UNNAMED_VOLUME = edit(TYPO, '\n  "volumes": [\n', '\n  "volumes": [\n    { "host": {} },\n');

const NOT_DECLARED =
  /cms mounts the volume "content", but the task definition declares no volume with that name: sourceVolume must be the name of one of the task's "volumes", so ECS rejects the task definition\.$/;
const ADD_CONTENT = 'Add the volume "content" to the task\'s volumes';
const CONTENT_VOLUME = '"volumes": [\n    {\n      "name": "content"\n    }\n  ]';

ruleTester('unknown-volume', {
  severity: 'error',
  valid: [
    { name: 'the volume is declared', document: edit(TYPO, '"contnet"', '"content"') },
    { name: 'a placeholder sourceVolume', document: edit(TYPO, '"contnet"', '"${VOLUME}"') },
    {
      name: 'a templated volume name',
      document: edit(TYPO, '{ "name": "content"', '{ "name": "${VOLUME}"'),
    },
    {
      name: 'a volume name built from a placeholder',
      document: edit(TYPO, '{ "name": "content"', '{ "name": "${ENVIRONMENT}-content"'),
    },
    {
      name: 'a sourceVolume built from a placeholder',
      document: edit(TYPO, '"contnet"', '"${ENVIRONMENT}-content"'),
    },
    {
      name: 'a mount point without sourceVolume (the JSON schema reports it)',
      document: edit(TYPO, '"sourceVolume": "contnet", ', ''),
    },
    {
      name: 'a bare container array (the task volumes are elsewhere, e.g. in Terraform)',
      document:
        '[\n  { "name": "cms", "image": "ghost:5.96.0", "mountPoints": [{ "sourceVolume": "content", "containerPath": "/c" }] }\n]\n',
    },
    ...validCases({ ...REAL_WORLD_CORRECT, ...GOOD_FIXTURES }),
  ],
  invalid: [
    {
      name: 'Ghost mounts a content volume the task does not declare: the safe, preferred fix creates "volumes" after containerDefinitions',
      document: NO_VOLUMES,
      findings: [
        {
          message: NOT_DECLARED,
          messageExcludes: /Did you mean/,
          underlined: '"content"',
          container: 'cms',
          fixes: [
            {
              title: ADD_CONTENT,
              preferred: true,
              safe: true,
              output: edit(
                NO_VOLUMES,
                '  ],\n  "requiresCompatibilities"',
                `  ],\n  ${CONTENT_VOLUME},\n  "requiresCompatibilities"`,
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty "volumes": [] (describe output writes one): the fix fills it',
      document: EMPTY_VOLUMES,
      findings: [
        {
          message: NOT_DECLARED,
          underlined: '"content"',
          container: 'cms',
          fixes: [
            {
              title: ADD_CONTENT,
              preferred: true,
              safe: true,
              output: edit(EMPTY_VOLUMES, '"volumes": []', CONTENT_VOLUME),
            },
          ],
        },
      ],
    },
    {
      name: 'a misspelt volume name: the rename is preferred (not safe), adding the typo as a volume is offered too',
      document: TYPO,
      findings: [
        {
          message: /Did you mean "content"\?/,
          underlined: '"contnet"',
          container: 'cms',
          fixes: [
            {
              title: 'Change "contnet" to "content"',
              preferred: true,
              output: edit(TYPO, '"sourceVolume": "contnet"', '"sourceVolume": "content"'),
            },
            {
              title: 'Add the volume "contnet" to the task\'s volumes',
              safe: true,
              output: edit(
                TYPO,
                '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }\n',
                '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } },\n    {\n      "name": "contnet"\n    }\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'an empty sourceVolume is reported without a fix',
      document: edit(TYPO, '"sourceVolume": "contnet"', '"sourceVolume": ""'),
      findings: [
        {
          message:
            /^A mount point of cms has an empty sourceVolume: name the task volume to mount \(one of "volumes"\)\.$/,
          underlined: '""',
          container: 'cms',
          fixes: null,
        },
      ],
    },
    {
      name: 'a sourceVolume of blanks is empty too',
      document: edit(TYPO, '"sourceVolume": "contnet"', '"sourceVolume": "  "'),
      findings: [
        {
          message: /^A mount point of cms has an empty sourceVolume/,
          underlined: '"  "',
          container: 'cms',
          fixes: null,
        },
      ],
    },
    {
      name: 'two volumes are one letter away: both renames offered, none preferred; adding the volume is not preferred either',
      document: TWO_SITES,
      findings: [
        {
          message: /cms mounts the volume "site", .* Did you mean "site1" or "site2"\?$/,
          underlined: '"site"',
          container: 'cms',
          fixes: [
            {
              title: 'Change "site" to "site1"',
              output: edit(TWO_SITES, '"sourceVolume": "site"', '"sourceVolume": "site1"'),
            },
            {
              title: 'Change "site" to "site2"',
              output: edit(TWO_SITES, '"sourceVolume": "site"', '"sourceVolume": "site2"'),
            },
            {
              title: 'Add the volume "site" to the task\'s volumes',
              safe: true,
              output: edit(
                TWO_SITES,
                '{ "name": "site2" }\n',
                '{ "name": "site2" },\n    {\n      "name": "site"\n    }\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a volume without a name beside the misspelt mount: the named one is suggested',
      document: UNNAMED_VOLUME,
      findings: [
        {
          message: /Did you mean "content"\?$/,
          underlined: '"contnet"',
          container: 'cms',
          fixes: [
            {
              title: 'Change "contnet" to "content"',
              preferred: true,
              output: edit(
                UNNAMED_VOLUME,
                '"sourceVolume": "contnet"',
                '"sourceVolume": "content"',
              ),
            },
            {
              title: 'Add the volume "contnet" to the task\'s volumes',
              safe: true,
              output: edit(
                UNNAMED_VOLUME,
                '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } }\n',
                '{ "name": "content", "efsVolumeConfiguration": { "fileSystemId": "fs-0123456789abcdef0" } },\n    {\n      "name": "contnet"\n    }\n',
              ),
            },
          ],
        },
      ],
    },
  ],
});
