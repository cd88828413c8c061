/** SARIF 2.1.0 output, in the shape GitHub code scanning accepts. */
import { allRules, ruleDocUrl, type Finding } from '../engine/index';
import type { FileResult } from './lint';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function toSarif(results: FileResult[], version: string): unknown {
  const rules = allRules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
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
                  artifactLocation: { uri: file.path.split('\\').join('/') },
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
