/**
 * SARIF 2.1.0 output, in the subset GitHub code scanning ingests: every rule descriptor has the
 * short and full description and the help GitHub shows on an alert, and every location is a URI
 * relative to the working directory (the repository root in CI), so that alerts keep their
 * identity from one run to the next. Checked by Microsoft's SARIF validator with GitHub's rules
 * (test/distribution/sarif.test.ts).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  allRules,
  HCL_SYNTAX,
  JSON_SYNTAX,
  ruleDocUrl,
  YAML_SYNTAX,
  type Finding,
} from '../engine/index';
import type { FileResult } from './lint';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

interface RuleInfo {
  id: string;
  severity: Finding['severity'];
  summary: string;
  helpUri?: string;
}

/** The CLI reports syntax errors under codes of their own, which are not engine rules. */
const SYNTAX_RULES: RuleInfo[] = [
  {
    id: JSON_SYNTAX,
    severity: 'error',
    summary: 'The file is not valid JSON, so it cannot be checked as a task definition.',
  },
  {
    id: YAML_SYNTAX,
    severity: 'error',
    summary:
      'The template is not valid YAML (or not one CloudFormation accepts: a duplicate key, a tab indent, a second document), so it cannot be checked as a whole.',
  },
  {
    id: HCL_SYNTAX,
    severity: 'error',
    summary:
      'The Terraform file is not valid HCL where it is broken, so what is written there is not read (terraform validate reports the same).',
  },
];

function descriptor(rule: RuleInfo) {
  const helpUri = rule.helpUri;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    ...(helpUri ? { helpUri } : {}),
    help: helpUri
      ? {
          text: `${rule.summary}\n\nWhat goes wrong at run time, the fix and the AWS sources: ${helpUri}`,
          markdown: `${rule.summary}\n\n[What goes wrong at run time, the fix and the AWS sources](${helpUri})`,
        }
      : { text: rule.summary, markdown: rule.summary },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['amazon-ecs', 'task-definition'] },
  };
}

/**
 * A path inside the working directory becomes a relative URI (what code scanning matches alerts
 * by); anything else an absolute file URI. Both are percent-encoded.
 */
export function artifactUri(path: string, cwd = process.cwd()): string {
  const fromCwd = relative(cwd, isAbsolute(path) ? path : `${cwd}${sep}${path}`);
  if (fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd))
    return fromCwd.split(sep).map(encodeURIComponent).join('/');
  return pathToFileURL(isAbsolute(path) ? path : `${cwd}${sep}${path}`).href;
}

export function toSarif(results: FileResult[], version: string, cwd = process.cwd()): unknown {
  const catalog: RuleInfo[] = [
    ...allRules.map((r) => ({ ...r, helpUri: ruleDocUrl(r.id) })),
    ...SYNTAX_RULES,
  ];
  const rules = catalog.map(descriptor);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-init-order',
            informationUri: 'https://github.com/ecs-init-order/ecs-init-order',
            version,
            semanticVersion: version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((file) =>
          file.diagnostics.map((d) => ({
            ruleId: d.code,
            ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(file.path, cwd) },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
