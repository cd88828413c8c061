/**
 * Typed access to the extension's settings, all under the one `ecsInitOrder` prefix. Each getter
 * reads the current value (VS Code caches configuration), so a changed setting applies without a
 * reload; `affects` tells a configuration-change handler which of ours changed.
 */
import * as vscode from 'vscode';
import { DEFAULT_FILE_PATTERNS } from './taskDefinitionFilter';

export const CONFIG_SECTION = 'ecsInitOrder';

export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint' | 'off';
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The settings as one resource (a document or a workspace folder) sees them. */
export class Config {
  private readonly raw: vscode.WorkspaceConfiguration;

  constructor(scope?: vscode.ConfigurationScope) {
    this.raw = vscode.workspace.getConfiguration(CONFIG_SECTION, scope ?? null);
  }

  /** `ecsInitOrder.enable`: run the language server at all. */
  get enable(): boolean {
    return this.raw.get<boolean>('enable', true) !== false;
  }

  /** `ecsInitOrder.filePatterns`: names of files that are task definitions even as a bare array. */
  get filePatterns(): readonly string[] {
    const value = this.raw.get<unknown>('filePatterns');
    if (!Array.isArray(value)) return DEFAULT_FILE_PATTERNS;
    return value.filter((p): p is string => typeof p === 'string' && p.length > 0);
  }

  /** `ecsInitOrder.codeLens.enable`: the start-phase lens above each container (read by the server). */
  get codeLensEnable(): boolean {
    return this.raw.get<boolean>('codeLens.enable', true) !== false;
  }

  /** `ecsInitOrder.rules`: severity per rule id (read by the server). */
  get rules(): Readonly<Record<string, RuleSeverity>> {
    const value = this.raw.get<unknown>('rules');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, RuleSeverity>) : {};
  }

  /** `ecsInitOrder.trace.server`: vscode-languageclient reads it itself, by the client id. */
  get traceServer(): TraceLevel {
    return this.raw.get<TraceLevel>('trace.server', 'off');
  }
}

/** The settings for a resource; without one, the workspace's (or the user's) values. */
export function config(scope?: vscode.ConfigurationScope): Config {
  return new Config(scope);
}

/** True when any workspace folder, or the workspace itself, leaves the extension enabled. */
export function enabledAnywhere(): boolean {
  if (config().enable) return true;
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => config(folder.uri).enable);
}

/** True when the change touches `ecsInitOrder.<key>` (or the whole section when no key is given). */
export function affects(event: vscode.ConfigurationChangeEvent, key?: string): boolean {
  return event.affectsConfiguration(key ? `${CONFIG_SECTION}.${key}` : CONFIG_SECTION);
}
