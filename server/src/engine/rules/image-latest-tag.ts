import { displayName } from '../model';
import { containsPlaceholder, isPlaceholder } from '../placeholders';
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
      if (
        !image ||
        image.value.trim() === '' ||
        isPlaceholder(image.value) ||
        containsPlaceholder(image.value)
      )
        continue;
      const ref = parseImage(image.value);
      if (ref.digest || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
      const what =
        ref.tag === undefined
          ? `"${image.value.trim()}" has no tag, so ECS pulls its latest tag`
          : `"${image.value.trim()}" uses the latest tag`;
      ctx.report({
        at: image.node,
        container: c,
        message: `The image of ${displayName(c)} ${what}: which image runs depends on when it is deployed (ECS resolves the tag to a digest once per service deployment; run-task resolves it at each start), so two deployments of this same revision can run different code, and going back to an earlier revision does not bring the earlier image back. Pin a version tag (e.g. :1.4.2) or a digest (@sha256:…).`,
      });
    }
  },
};
