import { elements, prop, str } from '../json';
import { displayName } from '../model';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

const SHELL = String.raw`(?:\/usr)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh)`;
/** A console-form prefix pasted into one string: `CMD-SHELL, …`, `CMD …`, `/bin/sh, -c, …`. */
const PREFIX = new RegExp(
  String.raw`^\s*(CMD-SHELL|CMD)\s*(?:,\s*|\s+)|^\s*(${SHELL})\s*,\s*(?:-c\s*,\s*)?(?=\S)`,
);

export interface ShapeRepair {
  line: string;
  /** The repair drops a word the user wrote (a shell path) rather than only the brackets' job of CMD-SHELL. */
  dropsWords: boolean;
}

/** The shell line a one-string health check means, or undefined when the command is well formed. */
export function intendedShellLine(command: string[]): ShapeRepair | undefined {
  if (command.length !== 1) return undefined;
  const only = command[0]!;
  const trimmed = only.trim();
  if (isPlaceholder(trimmed)) return undefined;
  // One word and no comma (CMD or CMD-SHELL alone, too, and blank): ECS runs it as CMD, an
  // executable without arguments, which works; healthcheck-command reports the empty ones.
  if (!/[\s,]/.test(trimmed)) return undefined;
  const m = PREFIX.exec(only);
  if (!m) return { line: trimmed, dropsWords: false };
  // A comma-separated shell (`/bin/sh, -c, <line>`) is the console form of ["/bin/sh", "-c", "<line>"]:
  // CMD-SHELL runs <line> with the shell already, so the shell words go.
  const line = only.slice(m[0].length).trim();
  return line === '' ? undefined : { line, dropsWords: m[1] === undefined }; // "CMD-SHELL," alone: healthcheck-command says it is empty.
}

export const healthcheckCommandShape: Rule = {
  id: 'healthcheck-command-shape',
  severity: 'warning',
  summary:
    'A health check written as one string (e.g. ["curl -f http://localhost/ || exit 1"]) that ECS runs as one executable named by the whole string.',
  check(ctx) {
    for (const c of ctx.model.containers) {
      const command = prop(c.healthCheckNode, 'command');
      const items = elements(command);
      const words = items.map((e) => str(e));
      if (words.some((w) => w === undefined)) continue;
      const repair = intendedShellLine(words as string[]);
      if (!repair) continue;
      const fixed = ['CMD-SHELL', repair.line];
      ctx.report({
        at: items[0]!,
        container: c,
        message: `The health check of ${displayName(c)} is one string that does not start with CMD or CMD-SHELL: ECS takes a command without CMD-SHELL as CMD (run directly, no shell), so the whole string "${words[0]!.trim()}" is the name of one executable, which does not exist. The check never passes and the container becomes unhealthy. The console's "CMD-SHELL, <line>" form becomes ["CMD-SHELL", "<line>"] in JSON.`,
        fixes: () => [
          {
            // A replacement names the value it replaces when that value does not survive as the line.
            title: `Change ${repair.line === words[0]!.trim() ? 'to' : `${JSON.stringify(words[0])} to`} ${JSON.stringify(fixed).replace(/","/g, '", "')}`,
            isPreferred: true,
            safe: !repair.dropsWords,
            // The words come from the command's elements, so there is a command.
            edits: ctx.edit.replaceValue(command!, fixed),
          },
        ],
      });
    }
  },
};
