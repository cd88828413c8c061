/**
 * Template placeholders. Task definitions are often templates (Terraform `templatefile`, envsubst,
 * Helm-like tools, CI variable substitution, Octopus). A value that is wholly a placeholder is not
 * judged as its final value; two references with the same placeholder still match each other.
 */
const WHOLE_PLACEHOLDER = [
  /^\$\{[^{}]+\}$/, // ${VAR}, ${var.name}
  /^\{\{[^{}]+\}\}$/, // {{var}}, {{ .Values.x }}
  /^<[A-Za-z0-9_.\- ]+>$/, // <PLACEHOLDER>
  /^\$\$\$[^$]+\$\$\$$/, // $$$VAR$$$
  /^#\{[^{}]+\}$/, // #{var}
  /^\$[A-Z_][A-Z0-9_]*$/, // $VAR (envsubst)
];

const CONTAINS_PLACEHOLDER =
  /\$\{[^{}]+\}|\{\{[^{}]+\}\}|\$\$\$[^$]+\$\$\$|#\{[^{}]+\}|<[A-Z0-9_]+>/;

/** True when the whole (trimmed) value is a template placeholder. */
export function isPlaceholder(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return WHOLE_PLACEHOLDER.some((re) => re.test(v));
}

/** True when the value contains a template placeholder anywhere (e.g. `repo/app:${TAG}`). */
export function containsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && CONTAINS_PLACEHOLDER.test(value);
}
