/**
 * One pass over a document: parse → model → start order → rules. Each rule runs on its own: an
 * exception inside one is recorded (and logged by the host) while the others' findings still arrive.
 */
import { detectStyle, type OffsetEdit } from './edits';
import { buildModel, type TaskModel } from './model';
import { parseDocument, type ParsedDocument } from './parse';
import { initContainers } from './roles';
import { allRules } from './rules/index';
import type { FixSpec, ReportSpec, Rule, RuleContext } from './rules/rule';
import { buildStartOrder, type StartOrder } from './startOrder';
import { buildGraph } from './graph';
import type { SourceText } from './text';
import type { Finding, Fix, Severity, Span, StartOrderGraph, TextEdit } from './types';

export type SeverityOverride = Severity | 'off';

export interface AnalysisOptions {
  /** Document URI or path; echoed in the graph. */
  uri?: string;
  /** Per-rule severity overrides, e.g. `{ "image-latest-tag": "off" }`. */
  severities?: Record<string, SeverityOverride>;
  /** Recognise a root array of container definitions (default true; see ParseOptions). */
  allowContainerArray?: boolean;
  /** Rules to run (defaults to every rule); tests pass a single rule. */
  rules?: readonly Rule[];
}

export interface RuleFailure {
  rule: string;
  error: unknown;
}

export interface Analysis {
  parsed: ParsedDocument;
  /** Undefined when the document is not a task definition or analysis was skipped. */
  model?: TaskModel;
  order?: StartOrder;
  findings: Finding[];
  ruleFailures: RuleFailure[];
  isTaskDefinition: boolean;
  /** The start-order graph, computed on first use. */
  graph(): StartOrderGraph | undefined;
}

export const ANALYSIS_SKIPPED = 'analysis-skipped';

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const parsed = parseDocument(text, { allowContainerArray: options.allowContainerArray });
  const uri = options.uri ?? '';
  const isTaskDefinition = parsed.kind !== undefined;
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  if (parsed.skipped) {
    findings.push({
      code: ANALYSIS_SKIPPED,
      severity: 'info',
      message: `ECS Init Order did not analyse this task definition: ${parsed.skipped.reason}.`,
      range: parsed.source.range(0, 0),
      related: [],
      fixes: [],
      tags: [],
    });
  }
  const model = buildModel(parsed);
  if (!model) return { parsed, findings, ruleFailures, isTaskDefinition, graph: () => undefined };

  const order = buildStartOrder(model);
  const style = detectStyle(parsed.source);
  const inits = initContainers(model);
  // One context for every rule; `report` attributes findings to the rule running.
  let rule: Rule = allRules[0]!;
  let override: Severity | undefined;
  const ctx: RuleContext = {
    model,
    order,
    source: parsed.source,
    style,
    inits,
    report: (spec) => findings.push(toFinding(parsed.source, rule, spec, override, ruleFailures)),
  };
  for (const r of options.rules ?? allRules) {
    const o = options.severities?.[r.id];
    if (o === 'off') continue;
    rule = r;
    override = o;
    try {
      r.check(ctx);
    } catch (error) {
      ruleFailures.push({ rule: r.id, error });
    }
  }
  findings.sort(compareFindings);
  let graph: StartOrderGraph | undefined;
  return {
    parsed,
    model,
    order,
    findings,
    ruleFailures,
    isTaskDefinition,
    graph: () => (graph ??= buildGraph(model, order, inits, findings, uri)),
  };
}

function spanOf(at: { offset: number; length: number }): Span {
  return { offset: at.offset, length: at.length };
}

export function toTextEdits(source: SourceText, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: source.range(e.offset, e.length), newText: e.newText }));
}

/**
 * A finding whose fixes are built on first read (quick-fix menu, fix-all, CLI), not on every
 * keystroke. Every finding is one of these, so the objects stay of one shape; `fixes` reads like a
 * plain array, and JSON.stringify includes it (toJSON).
 */
class EngineFinding implements Finding {
  declare container?: string;
  declare schemaCovered?: true;
  private built: Fix[] | undefined;

  constructor(
    readonly code: string,
    readonly severity: Severity,
    readonly message: string,
    readonly range: Finding['range'],
    readonly related: Finding['related'],
    readonly tags: Finding['tags'],
    private readonly build: (() => Fix[]) | undefined,
  ) {}

  get fixes(): Fix[] {
    if (!this.built) {
      this.built = this.build ? this.build() : [];
    }
    return this.built;
  }

  set fixes(value: Fix[]) {
    this.built = value;
  }

  toJSON(): Finding {
    const out: Finding = {
      code: this.code,
      severity: this.severity,
      message: this.message,
      range: this.range,
      related: this.related,
      fixes: this.fixes,
      tags: this.tags,
    };
    if (this.container !== undefined) out.container = this.container;
    if (this.schemaCovered) out.schemaCovered = true;
    return out;
  }
}

function toFinding(
  source: SourceText,
  rule: Rule,
  spec: ReportSpec,
  override: Severity | undefined,
  ruleFailures: RuleFailure[],
): Finding {
  const related = spec.related
    ? spec.related.map((r) => ({ range: source.rangeOf(spanOf(r.at)), message: r.message }))
    : [];
  const fixes = spec.fixes;
  const toFixes = (specs: FixSpec[]): Fix[] =>
    specs.filter(applicable).map((f) => ({
      title: f.title,
      isPreferred: f.isPreferred ?? false,
      safe: f.safe ?? false,
      edits: toTextEdits(source, f.edits),
    }));
  // A fix builder that throws costs its fixes, never the finding; the failure is recorded.
  const build =
    typeof fixes === 'function'
      ? () => {
          try {
            return toFixes(fixes());
          } catch (error) {
            ruleFailures.push({ rule: rule.id, error });
            return [];
          }
        }
      : fixes && fixes.length > 0
        ? () => toFixes(fixes)
        : undefined;
  const finding = new EngineFinding(
    rule.id,
    override ?? spec.severity ?? rule.severity,
    spec.message,
    source.rangeOf(spanOf(spec.at)),
    related,
    spec.tags ?? [],
    build,
  );
  if (spec.container?.name?.value) finding.container = spec.container.name.value;
  if (spec.schemaCovered) finding.schemaCovered = true;
  return finding;
}

/**
 * A fix is offered only when its edits can all be made and do not collide: no edit marked invalid,
 * no two edits overlapping or inserting at the same point (their order would be ambiguous).
 */
function applicable(fix: FixSpec): boolean {
  if (fix.edits.length === 0 || fix.edits.some((e) => e.invalid)) return false;
  const sorted = [...fix.edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (
      prev.offset + prev.length > cur.offset ||
      (prev.offset === cur.offset && (prev.length === 0 || cur.length === 0))
    )
      return false;
  }
  return true;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
