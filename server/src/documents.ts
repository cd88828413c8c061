/**
 * One analysis per open document, reused by every request until the document changes: keyed by
 * URI, valid for one version and one set of analysis options, dropped when the document closes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalysisOptions } from './engine/index';

interface Entry {
  version: number;
  optionsKey: string;
  analysis: Analysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly run: (text: string, options: AnalysisOptions) => Analysis = analyze,
  ) {}

  /** The analysis of the document's current version under `options` (computed on first use). */
  get(document: TextDocument, options: AnalysisOptions): Analysis {
    const optionsKey = JSON.stringify([
      options.format ?? 'json',
      options.severities ?? {},
      options.allowContainerArray ?? true,
      options.format ?? 'json',
      options.uri ?? '',
    ]);
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.optionsKey === optionsKey)
      return cached.analysis;
    const analysis = this.run(document.getText(), options);
    this.entries.set(document.uri, { version: document.version, optionsKey, analysis });
    return analysis;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
