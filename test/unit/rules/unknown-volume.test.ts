import { GOOD_FIXTURES, REAL_WORLD_CORRECT } from './helpers';
import { edit, fixture, ruleTester, validCases } from './ruleTester';

const NO_VOLUMES = fixture('unknown-volume/ghost-content-volume-not-declared.json');
const EMPTY_VOLUMES = edit(
  NO_VOLUMES,
  '  ],\n  "requiresCompatibilities"',
  '  ],\n  "volumes": [],\n  "requiresCompatibilities"',
);
const TYPO = fixture('unknown-volume/ghost-content-volume-misspelt.json');

const NOT_DECLARED =
  /cms mounts the volume "content", but the task definition declares no volume with that name/;
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
          message: /has an empty sourceVolume/,
          underlined: '""',
          container: 'cms',
          fixes: null,
        },
      ],
    },
  ],
});
