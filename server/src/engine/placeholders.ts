/**
 * Template placeholders. Task definitions are often templates (Terraform `templatefile`, envsubst,
 * Helm and ecspresso's Go templates, CodePipeline's `<IMAGE1_NAME>`, Octopus, CI variable
 * substitution). A value that is wholly a placeholder is not judged as its final value; two
 * references with the same placeholder still match each other. The JSON schema is generated from
 * the same patterns, so the editor's validation and the rules agree.
 */

/** The forms a placeholder takes inside a longer value ("app-${ENV}", "repo:<TAG>"). */
const EMBEDDED_FORMS = [
  String.raw`\$\{[^{}]+\}`, // ${VAR}, ${var.name}
  String.raw`\{\{[^{}]+\}\}`, // {{var}}, {{ .Values.x }}, {{ must_env `X` }}
  String.raw`\$\$\$[^$]+\$\$\$`, // $$$VAR$$$
  String.raw`#\{[^{}]+\}`, // #{var}
  // <IMAGE1_NAME>: CodePipeline lets people name theirs, in either case.
  String.raw`<[A-Za-z0-9_]+>`,
];

/** The forms of a value that is nothing but a placeholder; these may hold more characters. */
const WHOLE_FORMS = [
  ...EMBEDDED_FORMS.slice(0, -1),
  String.raw`<[A-Za-z0-9_. -]+>`, // <PLACEHOLDER>, <your-account-id>
  String.raw`\$[A-Z_][A-Z0-9_]*`, // $VAR (envsubst)
];

/** A value that is wholly a placeholder, spaces around it allowed (ECMAScript, for the schema too). */
export const WHOLE_PLACEHOLDER_PATTERN = String.raw`^\s*(?:${WHOLE_FORMS.join('|')})\s*$`;
/** A value that holds a placeholder somewhere. */
export const EMBEDDED_PLACEHOLDER_PATTERN = EMBEDDED_FORMS.join('|');

const WHOLE = new RegExp(WHOLE_PLACEHOLDER_PATTERN);
const EMBEDDED = new RegExp(EMBEDDED_PLACEHOLDER_PATTERN);

/** True when the whole (trimmed) value is a template placeholder. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && WHOLE.test(value);
}

/** True when the value contains a template placeholder anywhere (e.g. `repo/app:${TAG}`). */
export function containsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && EMBEDDED.test(value);
}

/** The characters an image reference is written with: registry, path, tag and digest. */
const IMAGE_REFERENCE = /^[A-Za-z0-9._\-/:@]+$/;

/**
 * An image value that stands for an image rather than names one: a placeholder, a value holding
 * one, or text no image reference can be (a space, a leading `<`, an unclosed `<…`, `{{…` or
 * `${…`, any character outside the reference grammar). Image-based rules say nothing about it.
 */
export function isImagePlaceholder(value: string): boolean {
  const v = value.trim();
  return isPlaceholder(v) || containsPlaceholder(v) || !IMAGE_REFERENCE.test(v);
}
