/**
 * The server's view of the `ecsInitOrder` settings: read defensively (a workspace can write
 * anything into settings.json), with the defaults package.json declares.
 */
import { matchesAnyPattern } from '../../shared/src/glob';
import { formatOf } from '../../shared/src/taskDefinitionFilter';
import {
  DEFAULT_FILE_PATTERNS,
  SEVERITY_SETTINGS,
  SETTINGS_SECTION,
} from '../../shared/src/settings';
import type { AnalysisOptions, FormatId, SeverityOverride } from './engine/index';

export { SETTINGS_SECTION };

export interface Settings {
  /** `ecsInitOrder.enable`: when false, the document gets no diagnostics and no features. */
  enable: boolean;
  /** `ecsInitOrder.rules`: severity per rule id, or "off". */
  rules: Record<string, SeverityOverride>;
  /** `ecsInitOrder.filePatterns`: files whose root array is read as container definitions. */
  filePatterns: readonly string[];
  /** `ecsInitOrder.codeLens.enable`. */
  codeLensEnable: boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: {},
  filePatterns: DEFAULT_FILE_PATTERNS,
  codeLensEnable: true,
});

const SEVERITIES = new Set<string>(SEVERITY_SETTINGS);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings from the `ecsInitOrder` section as the client sends it: nested (`codeLens: {enable}`),
 * or with dotted keys (`"codeLens.enable"`) as some editors' configuration files write them.
 * Anything of the wrong type falls back to the default.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const rules: Record<string, SeverityOverride> = {};
  if (isObject(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as SeverityOverride;
    }
  }
  const patterns = Array.isArray(raw.filePatterns)
    ? raw.filePatterns.filter((p): p is string => typeof p === 'string' && p.length > 0)
    : undefined;
  const codeLens = isObject(raw.codeLens) ? raw.codeLens.enable : raw['codeLens.enable'];
  return {
    enable: raw.enable !== false,
    rules,
    filePatterns: patterns ?? DEFAULT_FILE_PATTERNS,
    codeLensEnable: codeLens !== false,
  };
}

/** The path of a document URI, for matching `filePatterns` (`file:///a/b%20c.json` → `/a/b c.json`). */
export function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** Is the document's name one of a task definition (so a bare root array is read as containers)? */
export function namedLikeTaskDefinition(uri: string, settings: Settings): boolean {
  return matchesAnyPattern(uriPath(uri), settings.filePatterns);
}

/** What the server knows of an open document: its language and its text. */
export interface DocumentLike {
  languageId: string;
  getText(): string;
}

/**
 * A document's format, from its name, language and content: a Terraform file (the `terraform`
 * language, or a `.tf` name under any language id), a CloudFormation template or a
 * task-definition JSON file.
 */
export function documentFormat(uri: string, document: DocumentLike): FormatId {
  return formatOf(uriPath(uri), document.getText(), document.languageId);
}

/** The engine options for a document under these settings. */
export function analysisOptions(
  uri: string,
  settings: Settings,
  document?: DocumentLike,
): AnalysisOptions {
  return {
    uri,
    severities: settings.rules,
    allowContainerArray: namedLikeTaskDefinition(uri, settings),
    format: document ? documentFormat(uri, document) : 'json',
  };
}

/**
 * Settings per document. With `workspace/configuration` they are pulled for the document's URI
 * (the settings are resource-scoped, so a folder can differ) and cached until the client says the
 * configuration changed; without it, the values pushed with `didChangeConfiguration` apply to all.
 */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  /** `pull` asks the client for the `ecsInitOrder` section as one document sees it. */
  constructor(private pull?: (uri: string) => Promise<unknown>) {}

  setPull(pull: ((uri: string) => Promise<unknown>) | undefined): void {
    this.pull = pull;
    this.perUri.clear();
  }

  /** The settings for a document (a failed pull counts as the pushed values or the defaults). */
  forDocument(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.perUri.get(uri);
    if (!settings) {
      const fallback = this.pushed;
      settings = this.pull(uri).then(
        (raw) => (raw === null || raw === undefined ? fallback : normalizeSettings(raw)),
        () => fallback,
      );
      this.perUri.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: keep pushed values (`{ecsInitOrder: {...}}`) and forget pulled ones. */
  changed(pushedSettings: unknown): void {
    if (
      pushedSettings &&
      typeof pushedSettings === 'object' &&
      SETTINGS_SECTION in pushedSettings
    ) {
      this.pushed = normalizeSettings(
        (pushedSettings as Record<string, unknown>)[SETTINGS_SECTION],
      );
    }
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}
