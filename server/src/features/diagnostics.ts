/**
 * Diagnostics: the engine's findings as LSP diagnostics, with the rule id as `code`, a link to the
 * rule's page, related locations in the same document and the unnecessary/deprecated tags. JSON
 * syntax errors are not among them: the editor's own JSON support reports those, and HCL's are the
 * Terraform extension's. The syntax errors no other tool reports are: a template's YAML, unless
 * another extension reports them (most editors have no YAML checker of their own, and what the
 * engine reads of the template depends on them), and the JSON inside a Terraform heredoc.
 */
import {
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag,
} from 'vscode-languageserver-types';
import {
  type Analysis,
  type DiagnosticTag as EngineTag,
  type Finding,
  type FormatId,
  JSON_SYNTAX,
  ruleById,
  ruleDocUrl,
  type Severity,
  syntaxFindings,
  YAML_SYNTAX,
} from '../engine/index';

export const DIAGNOSTIC_SOURCE = 'ecs-init-order';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const TAG: Record<EngineTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  // Rules have a page; engine notices (analysis-skipped) do not.
  if (ruleById(finding.code)) diagnostic.codeDescription = { href: ruleDocUrl(finding.code) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri, range: r.range },
      message: r.message,
    }));
  }
  if (finding.tags.length > 0) diagnostic.tags = finding.tags.map((t) => TAG[t]);
  return diagnostic;
}

/** The syntax errors published with the findings, by format (see the header). */
const OWN_SYNTAX: Partial<Record<FormatId, string>> = {
  cloudformation: YAML_SYNTAX,
  terraform: JSON_SYNTAX,
};

/**
 * The diagnostics to publish for a document: none when it is not a task definition. Where the
 * editor already validates the file against our JSON schema (`schemaValidated`), the findings the
 * schema reports too are left out, and where another extension checks YAML syntax
 * (`yamlSyntaxReported`), the YAML syntax errors, so no problem is shown twice.
 */
export function diagnostics(
  analysis: Analysis,
  uri: string,
  schemaValidated = false,
  yamlSyntaxReported = false,
): Diagnostic[] {
  const code = OWN_SYNTAX[analysis.file.format];
  const reported = code === YAML_SYNTAX && yamlSyntaxReported;
  const syntax =
    code && analysis.isTaskDefinition && !reported
      ? syntaxFindings(analysis.file).filter((f) => f.code === code)
      : [];
  return [...syntax, ...analysis.findings.filter((f) => !(schemaValidated && f.schemaCovered))].map(
    (f) => toDiagnostic(f, uri),
  );
}
