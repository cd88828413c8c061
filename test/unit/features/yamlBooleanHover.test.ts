/**
 * The hover on a template's unquoted yes, no, on or off says that CloudFormation reads it as a
 * boolean (YAML 1.1, as cfn-lint does); true, false and quoted text get no such hover.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/features/hover';
import { atCursor } from './cursor';

const TEMPLATE = `Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: init
          Image: busybox:1.36
          Essential: ESSENTIAL
          MountPoints:
            - {SourceVolume: data, ContainerPath: /data, ReadOnly: READONLY}
          DockerLabels:
            enabled: LABEL
        - Name: app
          Image: nginx:1.27
          DependsOn:
            - {ContainerName: init, Condition: SUCCESS}
      Volumes:
        - Name: data
`;

/** The template with these values, and a function that hovers `into` characters inside `textAt`. */
function hoverText(
  essential: string,
  readOnly = 'true',
  label = 'x',
): (textAt: string, into?: number) => string | undefined {
  const text = TEMPLATE.replace('ESSENTIAL', essential)
    .replace('READONLY', readOnly)
    .replace('LABEL', label);
  return (textAt: string, into = 1) => {
    const at = text.indexOf(textAt) + into;
    const { analysis, position } = atCursor(`${text.slice(0, at)}|${text.slice(at)}`, {
      format: 'cloudformation',
      uri: 'file:///infra/service.yaml',
    });
    const result = hover(analysis, position);
    return result ? (result.contents as MarkupContent).value : undefined;
  };
}

test('an unquoted no on a boolean property: read as false, and how to write either meaning', () => {
  const markdown = hoverText('no')('Essential: no', 12)!;
  assert.match(
    markdown,
    /^`no` is read as \*\*false\*\*: CloudFormation reads a template as YAML 1\.1 \(as cfn-lint does\), where an unquoted `yes` or `on` is true and `no` or `off` is false\./,
  );
  assert.match(markdown, /Write `false` to say so plainly, or `'no'` where you mean the text\./);
});

test('On in a flow mapping; yes where the property takes text', () => {
  assert.match(hoverText('false', 'On')('ReadOnly: On', 11)!, /^`On` is read as \*\*true\*\*/);
  assert.match(
    hoverText('false', 'true', 'yes')('enabled: yes', 10)!,
    /^`yes` is read as the text `true`/,
  );
});

test('true, false and quoted text are what they say: no such hover', () => {
  for (const [essential, at] of [
    ['false', 'Essential: false'],
    ["'no'", "Essential: 'no'"],
  ] as const) {
    const markdown = hoverText(essential)(at, 12);
    assert.ok(!markdown?.includes('YAML 1.1'), markdown);
  }
});
