import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { Principal } from '../domain/keys/scopes.js';

/** The subset of pino's API the app uses; the Worker entry supplies a console-backed one. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Static files the app serves (widget, console, API reference assets). */
export interface AssetSource {
  get(path: string): Promise<{ body: string | Uint8Array; contentType: string } | undefined>;
}

/** Mutable readiness, set by the entry once migrations ran and the knowledge base is searchable. */
export interface Readiness {
  migrated: boolean;
  knowledgeReady: boolean;
}

export interface AppDeps {
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  readiness: Readiness;
  assets?: AssetSource;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    principal: Principal;
    requestId: string;
  };
};
