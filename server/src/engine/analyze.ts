/**
 * One pass over a file: read it in its format → for each task definition in it: model → start
 * order → rules. Each rule runs on its own: an exception inside one is recorded (and logged by the
 * host) while the others' findings still arrive.
 */
import { readFile, type ReadOptions } from './files';
import type { OffsetEdit, ParsedFile, TaskDefinitionInput } from './input';
import { buildModel, type ContainerModel, type TaskModel } from './model';
import { initContainers } from './roles';
import { allRules } from './rules/index';
import type { FixSpec, ReportSpec, Rule, RuleContext } from './rules/rule';
import { buildStartOrder, type StartOrder } from './startOrder';
import { buildGraph } from './graph';
import type { SourceText } from './text';
import type { Finding, Fix, Severity, Span, StartOrderGraph, TextEdit } from './types';

export type SeverityOverride = Severity | 'off';

export interface AnalysisOptions extends ReadOptions {
  /** Per-rule severity overrides, e.g. `{ "image-latest-tag": "off" }`. */
  severities?: Record<string, SeverityOverride>;
  /** Rules to run (defaults to every rule); tests pass a single rule. */
  rules?: readonly Rule[];
}

export interface RuleFailure {
  rule: string;
  error: unknown;
}

/** The analysis of one task definition of the file. */
export interface DefinitionAnalysis {
  input: TaskDefinitionInput;
  model: TaskModel;
  order: StartOrder;
  inits: Set<ContainerModel>;
  /** This task definition's findings. */
  findings: Finding[];
  /** Its start-order graph, computed on first use. */
  graph(): StartOrderGraph;
}

export interface Analysis {
  file: ParsedFile;
  source: SourceText;
  /** Every task definition in the file, in the file's order (one for a task-definition file). */
  definitions: DefinitionAnalysis[];
  /** The findings of every task definition, and file-level notices, sorted by position. */
  findings: Finding[];
  ruleFailures: RuleFailure[];
  /** The file is a task definition or a template of one (even when none can be read yet). */
  isTaskDefinition: boolean;
  /** The task definition whose text holds `offset`: the one the cursor is in. */
  definitionAt(offset: number): DefinitionAnalysis | undefined;
  /**
   * The model, start order and graph of the first task definition: the only one of a
   * task-definition file. Features that work at a position use definitionAt instead.
   */
  model?: TaskModel;
  order?: StartOrder;
  graph(): StartOrderGraph | undefined;
}

export const ANALYSIS_SKIPPED = 'analysis-skipped';

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  const file = readFile(text, options);
  const { source } = file;
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  if (file.skipped) {
    findings.push({
      code: ANALYSIS_SKIPPED,
      severity: 'info',
      message: `ECS Init Order did not analyse this task definition: ${file.skipped.reason}.`,
      range: source.range(0, 0),
      related: [],
      fixes: [],
      tags: [],
    });
  }
  const several = file.definitions.length > 1;
  const definitions = file.definitions.map((input) =>
    analyzeDefinition(file, input, options, ruleFailures, several),
  );
  for (const d of definitions) findings.push(...d.findings);
  findings.sort(compareFindings);
  const first = definitions[0];
  return {
    file,
    source,
    definitions,
    findings,
    ruleFailures,
    isTaskDefinition: file.recognised,
    definitionAt: (offset) =>
      definitions.find(
        (d) => offset >= d.input.span.offset && offset <= d.input.span.offset + d.input.span.length,
      ),
    model: first?.model,
    order: first?.order,
    graph: () => first?.graph(),
  };
}

function analyzeDefinition(
  file: ParsedFile,
  input: TaskDefinitionInput,
  options: AnalysisOptions,
  ruleFailures: RuleFailure[],
  several: boolean,
): DefinitionAnalysis {
  const { source } = file;
  const model = buildModel(source, input);
  const order = buildStartOrder(model);
  const inits = initContainers(model);
  const findings: Finding[] = [];
  // Where a file holds several task definitions, each message says which one it is about; in
  // `cdk synth` output, always by its construct path (the logical ID is CDK's invention), and it
  // says where to make the change instead of offering fixes.
  const label = input.constructPath ?? (several ? input.name : undefined);
  const prefix = label ? `${label}: ` : '';
  const suffix = input.generated ? ` ${input.generated}` : '';
  // One context for every rule; `report` attributes findings to the rule running.
  let rule: Rule = allRules[0]!;
  let override: Severity | undefined;
  const ctx: RuleContext = {
    model,
    order,
    source,
    edit: file.editor,
    spell: file.spelling,
    inits,
    report: (spec) =>
      findings.push(toFinding(source, rule, spec, override, ruleFailures, prefix, suffix, input)),
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
    input,
    model,
    order,
    inits,
    findings,
    graph: () => (graph ??= buildGraph(model, order, inits, findings, options.uri ?? '')),
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
  prefix: string,
  suffix: string,
  input: TaskDefinitionInput,
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
  const build = input.generated
    ? undefined // a generated file is not edited: the message says where to change it instead
    : typeof fixes === 'function'
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
    prefix + spec.message + suffix,
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
