/**
 * The rule contract. A rule is a small module with an id, a default severity, a one-line summary
 * (the README table) and a check that reports findings through the context. The context carries
 * everything computed once per task definition (model, start order, init containers) and the
 * file's own ways: how it spells a field (messages) and how to edit it (fixes).
 */
import type { Editor, OffsetEdit, Spelling } from '../input';
import type { Node } from '../json';
import type { ContainerModel, TaskModel } from '../model';
import type { StartOrder } from '../startOrder';
import type { SourceText } from '../text';
import type { DiagnosticTag, Severity, Span } from '../types';

export interface FixSpec {
  title: string;
  isPreferred?: boolean;
  /** Needs no value from the user and removes nothing the user wrote: `--fix` and fix-all apply it. */
  safe?: boolean;
  edits: OffsetEdit[];
}

export interface ReportSpec {
  /** What the finding points at: a syntax node or a span. */
  at: Node | Span;
  message: string;
  container?: ContainerModel;
  related?: { at: Node | Span; message: string }[];
  /**
   * The fixes, or a function that builds them: the engine calls it only when someone asks for the
   * finding's fixes (a quick-fix menu, fix-all, the CLI), not on every keystroke.
   */
  fixes?: FixSpec[] | (() => FixSpec[]);
  tags?: DiagnosticTag[];
  /** Overrides the rule's default severity for this finding (rare; e.g. a softer variant). */
  severity?: Severity;
  /** The task-definition JSON schema reports the same problem (see Finding.schemaCovered). */
  schemaCovered?: boolean;
}

export interface RuleContext {
  model: TaskModel;
  order: StartOrder;
  source: SourceText;
  /** Fix edits in the file's own syntax and style. */
  edit: Editor;
  /** Field names as the file spells them, for messages. */
  spell: Spelling;
  /** Containers waited for with SUCCESS/COMPLETE, or shaped like one-shot setup steps. */
  inits: Set<ContainerModel>;
  report(spec: ReportSpec): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One line for the README rule table and the docs index. */
  summary: string;
  check(ctx: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/ecs-init-order/ecs-init-order/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
