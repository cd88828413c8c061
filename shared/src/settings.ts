/**
 * The names and defaults of the extension's settings, all under one prefix. package.json declares
 * them (a test checks that the two agree); the client reads them through vscode, the server through
 * workspace/configuration, and both take the names and defaults from here.
 */

export const SETTINGS_SECTION = 'ecsInitOrder';

/** Setting keys below the section, as package.json spells them after `ecsInitOrder.`. */
export const SettingKeys = {
  enable: 'enable',
  rules: 'rules',
  filePatterns: 'filePatterns',
  codeLensEnable: 'codeLens.enable',
  traceServer: 'trace.server',
} as const;

/** What a rule's severity can be set to in `ecsInitOrder.rules`. */
export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** The defaults of `ecsInitOrder.filePatterns`. */
export const DEFAULT_FILE_PATTERNS: readonly string[] = [
  '**/*task-def*.json',
  '**/*taskdef*.json',
  '**/*task-definition*.json',
  '**/*container-def*.json',
  '**/*containers*.json',
];
