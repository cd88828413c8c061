// Types for scripts/code-server.mjs, for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';

export const CODE_SERVER_VERSION: string;
export const repoRoot: string;
export const USER_SETTINGS: Record<string, unknown>;

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
  env: Record<string, string>;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  folder: string;
  profile: Profile;
  process: ChildProcess;
  log(): string;
  stop(options?: { keepProfile?: boolean }): Promise<void>;
}

export function codeServerCommand(): [string, string];
export function isInstalled(): boolean;
export function ensureCodeServer(): Promise<string>;
export function freePort(): Promise<number>;
export function createProfile(settings?: Record<string, unknown>): Profile;
export function installExtension(profile: Profile, vsixPath: string): string;
export function waitForHttp(
  url: string,
  options?: { timeoutMs?: number; exited?: () => string | undefined },
): Promise<void>;
export function startCodeServer(options: {
  profile: Profile;
  folder: string;
  port?: number;
  timeoutMs?: number;
  output?: 'inherit' | 'buffer';
}): Promise<RunningCodeServer>;
