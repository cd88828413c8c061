/**
 * Typed access to the settings the client itself reads, all under the one `ecsInitOrder` prefix
 * (the server reads the rest through workspace/configuration). Each getter reads the current value
 * (VS Code caches configuration), so a changed setting applies without a reload; `affects` tells a
 * configuration-change handler which of ours changed.
 */
import * as vscode from 'vscode';
import { DEFAULT_FILE_PATTERNS, SETTINGS_SECTION, SettingKeys } from '../../shared/src/settings';

export const CONFIG_SECTION = SETTINGS_SECTION;

/** The settings as one resource (a document or a workspace folder) sees them. */
export class Config {
  private readonly raw: vscode.WorkspaceConfiguration;

  constructor(scope?: vscode.ConfigurationScope) {
    this.raw = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
  }

  /** `ecsInitOrder.enable`: run the language server at all. */
  get enable(): boolean {
    return this.raw.get<boolean>(SettingKeys.enable, true) !== false;
  }

  /** `ecsInitOrder.filePatterns`: names of files that are task definitions even as a bare array. */
  get filePatterns(): readonly string[] {
    const value = this.raw.get<unknown>(SettingKeys.filePatterns);
    if (!Array.isArray(value)) return DEFAULT_FILE_PATTERNS;
    return value.filter((p): p is string => typeof p === 'string' && p.length > 0);
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
  return event.affectsConfiguration(key ? `${SETTINGS_SECTION}.${key}` : SETTINGS_SECTION);
}
