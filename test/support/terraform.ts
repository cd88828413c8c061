/**
 * Terraform in tests: the parser loaded from node_modules, analysis of .tf text, and task
 * definitions written as an `aws_ecs_task_definition` resource.
 */
import { analyze, type Analysis, type AnalysisOptions } from '../../server/src/engine/index';
import {
  type Schema,
  TASK_DEFINITION_SCHEMA,
  writtenAs,
} from '../../server/src/engine/formats/terraform/schema';
import { formatHcl, type HclStyle } from '../../server/src/engine/formats/terraform/write';
import { loadTerraform } from '../../server/src/node/terraform';

/** Load the HCL parser (call in `before`); every later analysis of .tf text is synchronous. */
export function terraformReady(): Promise<void> {
  return loadTerraform();
}

export function analyzeTf(text: string, options: AnalysisOptions = {}): Analysis {
  return analyze(text, { ...options, format: 'terraform' });
}

const STYLE: HclStyle = { unit: '  ', eol: '\n', separator: '=', quoteKeys: false };

/** Where the containers go: HCL in `jsonencode(...)`, or JSON in a heredoc. */
export type ContainersAs = 'jsonencode' | 'heredoc';

/** The arguments and blocks of a schema's object, at `indent`. */
function body(value: Record<string, unknown>, schema: Schema, indent: string, as: ContainersAs) {
  const lines: string[] = [];
  for (const [field, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (field === 'containerDefinitions') {
      lines.push(
        as === 'jsonencode'
          ? `${indent}container_definitions = jsonencode(${formatHcl(v, indent, STYLE)})`
          : `${indent}container_definitions = <<DEFINITION\n${JSON.stringify(v, null, 2).replace(/\$\{/g, () => '$${')}\nDEFINITION`,
      );
      continue;
    }
    const written = writtenAs(schema, field);
    if (!written) {
      // A member of an object that one argument sets (`host.sourcePath` is `host_path`).
      for (const [name, a] of Object.entries(schema.arguments))
        if (a.field === field && a.member && (v as Record<string, unknown>)[a.member] !== undefined)
          lines.push(
            `${indent}${name} = ${formatHcl((v as Record<string, unknown>)[a.member], indent, STYLE)}`,
          );
      continue;
    }
    if (written.kind === 'argument') {
      const argument =
        written.argument.type === 'name-value-list'
          ? Object.fromEntries(
              (v as { name: string; value: string }[]).map((p) => [p.name, p.value]),
            )
          : v;
      lines.push(`${indent}${written.name} = ${formatHcl(argument, indent, STYLE)}`);
      continue;
    }
    for (const item of written.block.list ? (v as unknown[]) : [v])
      lines.push(
        `${indent}${written.name} {`,
        ...body(item as Record<string, unknown>, written.block.schema, indent + '  ', as),
        `${indent}}`,
      );
  }
  return lines;
}

/**
 * A task definition (the API's value) as one `aws_ecs_task_definition` resource: task fields as
 * the provider's arguments and blocks, containers in `jsonencode` or a heredoc. A field the
 * provider has no argument for (describe output's `revision`) is left out, as a .tf cannot hold it.
 */
export function terraformOf(task: unknown, as: ContainersAs = 'jsonencode'): string {
  const lines = body(task as Record<string, unknown>, TASK_DEFINITION_SCHEMA, '  ', as);
  return `resource "aws_ecs_task_definition" "task" {\n${lines.join('\n')}\n}\n`;
}
