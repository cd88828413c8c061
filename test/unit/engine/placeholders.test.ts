/**
 * Template placeholders, as the engine and the JSON schema both read them (one set of patterns in
 * server/src/engine/placeholders.ts): whole-value placeholders, and placeholders inside a value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsPlaceholder, isPlaceholder } from '../../../server/src/engine/index';

test('a placeholder inside a value: every template form, CodePipeline names in either case', () => {
  for (const value of [
    'repo/app:${TAG}',
    'app-{{ .Values.env }}',
    '{{ must_env `IMAGE` }}:latest',
    'app-$$$ENV$$$',
    'app-#{Octopus.Environment.Name}',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:<IMAGE1_TAG>',
    'app-<env>',
  ])
    assert.ok(containsPlaceholder(value), value);
  for (const value of ['app', 'a < b', '<>', 'x <a b> y', '$HOME/app', 'app-${', 42])
    assert.ok(!containsPlaceholder(value), String(value));
});

test('a whole placeholder may also hold dots, hyphens and spaces', () => {
  assert.ok(isPlaceholder(' <your-account-id> '));
  assert.ok(isPlaceholder('<IMAGE1_NAME>'));
  assert.ok(isPlaceholder('{{ .Values.image }}'));
  assert.ok(!isPlaceholder('app-<ENV>'));
});
