/** Contributed snippets as a user who only presses Tab gets them: every placeholder at its default. */
export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

/** Expands a snippet body as VS Code does when every placeholder keeps its default (tabs → 2 spaces). */
export function expand(snippet: Snippet, indent = '  '): string {
  let text = snippet.body.join('\n').replace(/\t/g, indent);
  const defaults = new Map<string, string>();
  // Innermost first: ${n:default} and ${n|first,second|}; nested placeholders resolve outward.
  for (let changed = true; changed;) {
    changed = false;
    text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, value: string) => {
      changed = true;
      if (!defaults.has(n)) defaults.set(n, value);
      return value;
    });
    text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => {
      changed = true;
      const first = choices.split(',')[0]!;
      if (!defaults.has(n)) defaults.set(n, first);
      return first;
    });
  }
  return text.replace(
    /\$\{(\d+)\}|\$(\d+)/g,
    (_, a: string | undefined, b: string | undefined) => defaults.get((a ?? b)!) ?? '',
  );
}
