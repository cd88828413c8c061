import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { SourceText } from '../../../server/src/engine/index';
import { hover } from '../../../server/src/features/hover';
import { atCursor, cursorIn, fixture, SEED } from './cursor';

const SHOP = fixture('shop-web-task-definition.json');
const BROKEN = fixture('broken-start-order-task-def.jsonc');
const ARRAY = fixture('containers.json');

function hoverAt(textWithCursor: string): { markdown: string; hovered: string; result: Hover } {
  const { text, position, analysis } = atCursor(textWithCursor);
  const result = hover(analysis, position);
  assert.ok(result, 'a hover');
  const source = new SourceText(text);
  const hovered = text.slice(
    source.offsetAt(result.range!.start),
    source.offsetAt(result.range!.end),
  );
  return { markdown: (result.contents as MarkupContent).value, hovered, result };
}

describe('hover on container names and references', () => {
  test('the init container of the seed: phase, essential, nothing waits for it', () => {
    const { markdown, hovered, result } = hoverAt(cursorIn(SEED, '"init-setup"', 3));
    assert.equal((result.contents as MarkupContent).kind, 'markdown');
    assert.equal(hovered, '"init-setup"');
    assert.match(markdown, /^\*\*init-setup\*\* · init container · phase 1 of 1/);
    assert.match(markdown, /Waits for nothing: starts first\./);
    assert.match(markdown, /Nothing waits for it\./);
    assert.match(markdown, /essential: when it exits, the task stops/);
    assert.match(markdown, /Image: `amazon\/aws-cli:latest`/);
  });

  test('a container name: what happens if it fails, from the start simulator', () => {
    const seed = hoverAt(cursorIn(SEED, '"init-setup"', 3)).markdown;
    assert.ok(
      seed.includes(
        '- If init-setup fails (exits with code 1): the task stops because init-setup is essential and exited with code 1 at 5 s, as it does when init-setup exits with code 0.',
      ),
      seed,
    );
    const shop = hoverAt(cursorIn(SHOP, '"containerName": "fetch-config"', 20)).markdown;
    assert.ok(
      shop.includes(
        '- If fetch-config fails (exits with code 1): web never starts (fetch-config exited with code 1 and web waits for SUCCESS); the task stops because web is essential and was stopped without starting at 5 s.',
      ),
      shop,
    );
    const broken = hoverAt(cursorIn(BROKEN, '"name": "worker"', 10)).markdown;
    assert.match(
      broken,
      /- If worker fails: it never runs anyway: the task fails before any container starts/,
    );
  });

  test('a dependsOn.containerName: what the waiting container waits for, and the target’s role', () => {
    const { markdown, hovered } = hoverAt(cursorIn(SHOP, '"containerName": "fetch-config"', 20));
    assert.equal(hovered, '"fetch-config"');
    assert.match(markdown, /^web starts once fetch-config has exited with code 0 \(SUCCESS\)\./);
    assert.match(markdown, /\*\*fetch-config\*\* · init container · phase 1 of 2/);
    assert.match(markdown, /Waited for by: web \(SUCCESS\)/);
    assert.match(markdown, /non-essential: when it exits, the others keep running/);
  });

  test('the container that waits: its phase and every wait, implicit FireLens one included', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"name": "web"', 10));
    assert.match(markdown, /\*\*web\*\* · phase 2 of 2/);
    assert.match(markdown, /fetch-config \(SUCCESS\) — until it has exited with code 0/);
    assert.match(markdown, /redis \(HEALTHY\) — until it is healthy/);
    assert.match(markdown, /log-router \(START, FireLens\) — until it has started/);
    assert.match(markdown, /Nothing waits for it\./);
  });

  test('the FireLens log router is marked and shows who waits for it', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"log-router"', 2));
    assert.match(markdown, /FireLens log router/);
    assert.match(markdown, /Waited for by: web \(START, FireLens\)/);
  });

  test('a links value: the alias and the implicit start order', () => {
    const { markdown, hovered } = hoverAt(cursorIn(ARRAY, '"migrate:db-migrations"', 3));
    assert.equal(hovered, '"migrate:db-migrations"');
    assert.match(
      markdown,
      /^api links to migrate as `db-migrations`, and ECS starts migrate first/,
    );
    assert.match(markdown, /Waited for by: api \(START, links\)/);
  });

  test('a volumesFrom.sourceContainer', () => {
    const text = `{"containerDefinitions": [
  {"name": "data", "image": "busybox", "essential": false},
  {"name": "app", "image": "nginx", "volumesFrom": [{"sourceContainer": "da|ta"}]}
]}`;
    const { markdown, hovered } = hoverAt(text);
    assert.equal(hovered, '"data"');
    assert.match(
      markdown,
      /^app mounts the volumes of data, and ECS creates data first \(it need not have started\)\./,
    );
    assert.match(markdown, /Waited for by: app \(CREATE, volumesFrom\)/);
  });

  test('containers on a cycle never start; an unknown name says so', () => {
    const cycle = hoverAt(cursorIn(BROKEN, '"name": "api"', 10)).markdown;
    assert.match(cycle, /\*\*api\*\* · in a dependency cycle/);
    assert.match(cycle, /It never starts/);
    const unknown = hoverAt(cursorIn(BROKEN, '"cach"', 2)).markdown;
    assert.match(
      unknown,
      /No container is named `cach` in this task definition \(containers: `db-migrate`, `api`, `worker`, `cache`\)\./,
    );
  });
});

describe('hover on conditions', () => {
  test('SUCCESS: meaning, the essential constraint, the list of conditions and the AWS link', () => {
    const { markdown, hovered } = hoverAt(cursorIn(SHOP, '"SUCCESS"', 2));
    assert.equal(hovered, '"SUCCESS"');
    assert.match(
      markdown,
      /^\*\*SUCCESS\*\*: web starts once fetch-config has run and exited with code 0\./,
    );
    assert.match(markdown, /Can't be set on an essential container/);
    for (const cond of ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'])
      assert.match(markdown, new RegExp(`- \\*\\*${cond}\\*\\*: `));
    assert.match(markdown, /task_definition_parameters\.html#container_definition_dependson/);
    assert.doesNotMatch(markdown, /⚠/);
  });

  test('HEALTHY: needs a healthCheck, checked only at startup', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"HEALTHY"', 2));
    assert.match(markdown, /needs a `healthCheck`/);
    assert.match(markdown, /Checked only at startup/);
    const broken = hoverAt(cursorIn(BROKEN, '"HEALTHY"', 2)).markdown;
    assert.match(broken, /⚠ api has no healthCheck, so it never becomes healthy\./);
  });

  test('COMPLETE on an essential target is flagged; a misspelt condition is named', () => {
    const text = `{"containerDefinitions": [
  {"name": "setup", "image": "busybox"},
  {"name": "app", "image": "nginx", "dependsOn": [{"containerName": "setup", "condition": "COMP|LETE"}]}
]}`;
    assert.match(
      hoverAt(text).markdown,
      /⚠ setup is essential \(the default\): ECS does not accept COMPLETE here\./,
    );
    assert.match(
      hoverAt(cursorIn(BROKEN, '"success"', 2)).markdown,
      /^`success` is not a condition: ECS accepts exactly START, COMPLETE, SUCCESS or HEALTHY/,
    );
  });
});

describe('hover on keys', () => {
  test('essential of the seed’s init container', () => {
    const { markdown, hovered } = hoverAt(cursorIn(SEED, '"essential"', 2));
    assert.equal(hovered, '"essential"');
    assert.match(
      markdown,
      /init-setup is essential: when it exits, even with code 0, ECS stops the task/,
    );
    assert.match(
      markdown,
      /\(https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/developerguide\/task_definition_parameters\.html#container_definition_essential\)/,
    );
  });

  test('essential of a non-essential init container and of a sidecar', () => {
    assert.match(
      hoverAt(cursorIn(SHOP, '"essential": false', 2)).markdown,
      /fetch-config is not essential: when it exits, the other containers keep running/,
    );
    const sidecar = `{"containerDefinitions": [
  {"name": "app", "image": "nginx:1.27"},
  {"name": "xray", "image": "public.ecr.aws/xray/aws-xray-daemon:3.3", "ess|ential": false}
]}`;
    assert.match(
      hoverAt(sidecar).markdown,
      /xray is not essential: when it exits or fails, the other containers keep running\./,
    );
    const app = hoverAt(
      `{"containerDefinitions": [{"name": "app", "image": "nginx:1.27", "ess|ential": true}]}`,
    ).markdown;
    assert.match(
      app,
      /app is essential: if it stops or fails, for any reason, ECS stops the other containers and the task\./,
    );
  });

  test('command on an image whose ENTRYPOINT is not a shell', () => {
    const { markdown } = hoverAt(cursorIn(SEED, '"command"', 2));
    assert.match(
      markdown,
      /The image `amazon\/aws-cli:latest` has ENTRYPOINT `aws`: this container runs `aws sh -c /,
    );
    assert.match(markdown, /put the shell in `entryPoint`/);
    assert.match(markdown, /#container_definition_command\)/);
  });

  test('entryPoint that replaces the image’s ENTRYPOINT', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"entryPoint"', 2));
    assert.match(
      markdown,
      /has ENTRYPOINT `aws`; this container's `entryPoint` \(`\["sh","-c"\]`\) replaces it\./,
    );
    assert.match(markdown, /#container_definition_entrypoint\)/);
  });

  test('dependsOn lists what the container waits for', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"dependsOn"', 2));
    assert.match(
      markdown,
      /web starts once fetch-config has exited with code 0, and redis is healthy\./,
    );
    assert.match(markdown, /at shutdown the order is reversed/);
  });

  test('mountPoints and the task volumes say who shares what', () => {
    const web = SHOP.indexOf('"name": "web"');
    const mounts = hoverAt(
      SHOP.slice(0, web) + cursorIn(SHOP.slice(web), '"mountPoints"', 2),
    ).markdown;
    assert.match(mounts, /- `config` at `\/config` \(read-only\), shared with fetch-config/);
    const volumes = hoverAt(cursorIn(SHOP, '"volumes"', 2)).markdown;
    assert.match(
      volumes,
      /- `config`: mounted by fetch-config at `\/config`, web at `\/config` \(read-only\)/,
    );
    assert.match(volumes, /task_definition_parameters\.html#volumes\)/);
  });

  test('startTimeout is about the container others wait for', () => {
    const { markdown } = hoverAt(cursorIn(SHOP, '"startTimeout"', 2));
    assert.match(markdown, /set on the container being waited for, as in AWS's example/);
    assert.match(
      markdown,
      /Here: web \(SUCCESS\) waits for fetch-config; if fetch-config takes longer, the task stops\./,
    );
    assert.match(markdown, /Fargate: 2 to 120 seconds; needs platform version 1.3.0 or later/);
    assert.match(markdown, /#container_definition_timeout\)/);
  });

  test('stopTimeout and healthCheck', () => {
    assert.match(
      hoverAt(cursorIn(SHOP, '"stopTimeout"', 2)).markdown,
      /Fargate: 30 seconds by default, at most 120/,
    );
    const health = hoverAt(cursorIn(SHOP, '"healthCheck"', 2)).markdown;
    assert.match(health, /Waited for with HEALTHY by: web \(checked only at startup\)/);
    assert.match(health, /ECS does not watch a HEALTHCHECK written in the image/);
    assert.match(health, /#container_definition_healthcheck\)/);
  });

  test('no hover elsewhere, nor on JSON that is not a task definition', () => {
    assert.equal(
      hover(
        atCursor(cursorIn(SHOP, '"family"', 2)).analysis,
        atCursor(cursorIn(SHOP, '"family"', 2)).position,
      ),
      null,
    );
    const plain = atCursor('{"name": "in|it", "essential": true}');
    assert.equal(hover(plain.analysis, plain.position), null);
  });
});
