import { prop, str } from '../json';
import { displayName, type ContainerModel } from '../model';
import { isImagePlaceholder } from '../placeholders';
import type { FixSpec, Rule } from './rule';

/** Registries that host public and private repositories side by side: only the same repository compares. */
const SHARED_HOSTS =
  /^(docker\.io|index\.docker\.io|registry-1\.docker\.io|ghcr\.io|docker\.pkg\.github\.com|quay\.io|gcr\.io|[a-z0-9-]+\.gcr\.io|[a-z0-9-]+-docker\.pkg\.dev|registry\.gitlab\.com|mcr\.microsoft\.com|registry\.k8s\.io)$/;
/** Amazon ECR: the task execution role pulls from it, repositoryCredentials do not apply. */
const ECR = /^(\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?|public\.ecr\.aws)$/;

/**
 * What must be the same for two images to need the same credentials: the repository on a
 * registry that also hosts public images, the host of any other (private) registry. Undefined for
 * ECR, Docker Hub's official images, and images given as placeholders.
 */
export function credentialScope(image: string): { key: string; words: string } | undefined {
  const ref = image.trim();
  const repository = ref.replace(/@.*$/, '').replace(/:([^/:]*)$/, '');
  if (repository === '' || isImagePlaceholder(repository)) return undefined;
  const parts = repository.split('/');
  const hasHost = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!);
  const host = hasHost ? parts[0]!.toLowerCase() : 'docker.io';
  const path = hasHost ? parts.slice(1).join('/') : parts.join('/');
  if (ECR.test(host)) return undefined;
  if (SHARED_HOSTS.test(host)) {
    if (host.endsWith('docker.io') && !path.includes('/')) return undefined; // an official image
    return { key: `${host}/${path}`, words: `the repository ${host}/${path}` };
  }
  return { key: host, words: `the registry ${host}` };
}

function credentialsParameter(c: ContainerModel): string | undefined {
  return str(prop(prop(c.node, 'repositoryCredentials'), 'credentialsParameter'));
}

export const repositoryCredentialsInconsistent: Rule = {
  id: 'repository-credentials-inconsistent',
  severity: 'warning',
  summary:
    'Containers pull from the same private registry (or repository), but only some have repositoryCredentials: the others cannot pull.',
  check(ctx) {
    const groups = new Map<string, { words: string; containers: ContainerModel[] }>();
    for (const c of ctx.model.containers) {
      const scope = c.image ? credentialScope(c.image.value) : undefined;
      if (!scope) continue;
      const group = groups.get(scope.key) ?? { words: scope.words, containers: [] };
      group.containers.push(c);
      groups.set(scope.key, group);
    }
    for (const { words, containers } of groups.values()) {
      const withCredentials = containers.filter((c) => prop(c.node, 'repositoryCredentials'));
      if (withCredentials.length === 0 || withCredentials.length === containers.length) continue;
      const parameters = new Set(withCredentials.map(credentialsParameter));
      const shared = parameters.size === 1 ? [...parameters][0] : undefined;
      const example = withCredentials[0]!;
      for (const c of containers) {
        if (withCredentials.includes(c)) continue;
        const waiting = [...new Set((ctx.order.waitedBy.get(c) ?? []).map((e) => e.to))];
        const consequence =
          waiting.length > 0
            ? `, and ${waiting.map(displayName).join(', ')}, which ${waiting.length > 1 ? 'wait' : 'waits'} for it, never ${waiting.length > 1 ? 'start' : 'starts'}`
            : '';
        const fixes = (): FixSpec[] =>
          shared
            ? [
                {
                  title: `Use the repositoryCredentials of ${displayName(example)}`,
                  isPreferred: true,
                  safe: true,
                  edits: ctx.edit.insertProperty(
                    c.node,
                    'repositoryCredentials',
                    { credentialsParameter: shared },
                    { after: ['image'] },
                  ),
                },
              ]
            : [];
        ctx.report({
          at: c.image!.node,
          container: c,
          message: `${displayName(c)} pulls from ${words}, as ${displayName(example)} does with ${ctx.spell.key('repositoryCredentials')}, but has none itself: ${ctx.spell.key('repositoryCredentials')} is set per container definition, so ECS pulls ${displayName(c)}'s image anonymously. If it is private the pull fails (CannotPullContainerError)${consequence}. Give ${displayName(c)} the same ${ctx.spell.key('repositoryCredentials')}.`,
          related: [
            {
              at: prop(example.node, 'repositoryCredentials')!,
              message: `${displayName(example)} pulls from ${words} with these credentials`,
            },
          ],
          fixes,
        });
      }
    }
  },
};
