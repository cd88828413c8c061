import { elements, keyOf, properties } from '../json';
import { displayName } from '../model';
import { nonShellEntrypoint } from '../roles';
import type { Rule } from './rule';

const SHELLS = new Set([
  'sh',
  'bash',
  'ash',
  'zsh',
  'dash',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/bin/zsh',
  '/bin/dash',
  '/usr/bin/bash',
  '/usr/bin/env',
]);

export const entrypointOverridesShell: Rule = {
  id: 'entrypoint-overrides-shell',
  severity: 'warning',
  summary:
    "A shell command is given to an image whose ENTRYPOINT is the tool itself (amazon/aws-cli's `aws`, terraform, flyway, migrate).",
  check(ctx) {
    for (const c of ctx.model.containers) {
      const entry = nonShellEntrypoint(c.image?.value);
      if (!entry || c.entryPointNode || !c.commandNode || c.command.length === 0) continue;
      const first = c.command[0]!;
      // A whole command line written as one string (`"sh -c 'aws …'"`) is read word by word.
      const firstWords = first.trim().split(/\s+/);
      const firstWord = firstWords[0]!;
      const oneString = firstWords.length > 1 && SHELLS.has(firstWord);
      if (!SHELLS.has(first) && !oneString) continue;
      // The words that start the program: the shell, or `/usr/bin/env` and the program it runs
      // (`-c` only when that program is a shell).
      const words = oneString ? firstWords : c.command;
      const viaEnv = words[0] === '/usr/bin/env' && words.length > 1;
      const program = viaEnv ? words.slice(0, 2) : [words[0]!];
      const suggested = !viaEnv || SHELLS.has(words[1]!) ? [...program, '-c'] : program;
      const shown = c.command.slice(0, 2).join(' ');
      const message = `${c.image!.value} has ENTRYPOINT \`${entry}\`, and ECS passes "${ctx.spell.key('command')}" to it as arguments: this runs \`${entry} ${shown} …\`, not a shell, so the command fails. Put the shell in "${ctx.spell.key('entryPoint')}" ([${suggested.map((w) => `"${w}"`).join(', ')}]) and keep only the script in "${ctx.spell.key('command')}".`;
      const commandNode = c.commandNode;
      const items = elements(commandNode);
      // The array already reads `<program> -c <script>`: the fix moves `<program> -c` as written.
      const hasDashC =
        !oneString &&
        suggested.length > program.length &&
        c.command[program.length] === '-c' &&
        items.length > suggested.length &&
        items.slice(0, suggested.length).every((n) => n.type === 'string');
      const props = properties(c.node);
      const commandIndex = props.findIndex((p) => keyOf(p) === 'command');
      const before = commandIndex > 0 ? keyOf(props[commandIndex - 1]!) : undefined;
      ctx.report({
        at: commandNode,
        container: c,
        message,
        // The entrypoint is known from the image, so there is one.
        related: [{ at: c.image!.node, message: `${c.image!.value}: ENTRYPOINT is \`${entry}\`` }],
        fixes: () =>
          hasDashC
            ? [
                {
                  title: `Move ${suggested.map((w) => `"${w}"`).join(', ')} into ${ctx.spell.key('entryPoint')} of ${displayName(c)}`,
                  isPreferred: true,
                  safe: true,
                  edits: [
                    ...ctx.edit.insertProperty(
                      c.node,
                      'entryPoint',
                      suggested,
                      before ? { after: [before] } : {},
                    ),
                    ...ctx.edit.deleteArrayElements(commandNode, 0, suggested.length),
                  ],
                },
              ]
            : [],
      });
    }
  },
};
