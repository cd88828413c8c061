import { prop, str } from '../json';
import { displayName } from '../model';
import { isImagePlaceholder } from '../placeholders';
import type { Rule } from './rule';

export interface ImageReference {
  /** Pinned by content digest (`repo@sha256:…`): the tag, if any, does not matter. */
  digest: boolean;
  /** The tag after the last `:` of the last path component (a registry port is not a tag). */
  tag?: string;
}

export function parseImage(image: string): ImageReference {
  const ref = image.trim();
  if (ref.includes('@')) return { digest: true };
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return { digest: false, tag: colon >= 0 ? last.slice(colon + 1) : undefined };
}

export const imageLatestTag: Rule = {
  id: 'image-latest-tag',
  severity: 'hint',
  summary:
    'An image without a tag or with :latest: which image runs depends on when it is deployed.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const image = c.image;
      // An empty image is missing-required-field's; a placeholder stands for an image to come.
      if (!image || image.value.trim() === '' || isImagePlaceholder(image.value)) continue;
      const ref = parseImage(image.value);
      if (ref.digest || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
      const what =
        ref.tag === undefined
          ? `"${image.value.trim()}" has no tag, so ECS pulls its latest tag`
          : `"${image.value.trim()}" uses the latest tag`;
      const { pair } = ctx.spell;
      // Software version consistency (AWS, July 2024): a service deployment resolves the tag to a
      // digest once, on Fargate platform 1.4.0+ or agent 1.70.0+, unless the container opts out.
      const optedOut = str(prop(c.node, 'versionConsistency')) === 'disabled';
      const when = optedOut
        ? `This container sets ${pair('versionConsistency', 'disabled')}, so ECS resolves the tag each time a task starts, and even the tasks of one service deployment can run different images.`
        : `For a service, ECS resolves the tag to a digest once per deployment (on Fargate platform version 1.4.0 or later, or ECS agent 1.70.0 or later, unless the container sets ${pair('versionConsistency', 'disabled')}), and each task started with run-task resolves it again.`;
      ctx.report({
        at: image.node,
        container: c,
        message: `The image of ${displayName(c)} ${what}: which image runs depends on when it is deployed. ${when} So two deployments of this same revision can run different code, and going back to an earlier revision does not bring the earlier image back. Pin a version tag (e.g. :1.4.2) or a digest (@sha256:…).`,
      });
    }
  },
};
