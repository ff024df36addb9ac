import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import type { Principal } from '../domain/keys/scopes.js';
import type { Embedder } from '../domain/knowledge/embedder.js';
import type { SlidingWindowLimiter } from './rate-limit.js';
import type { OnlineAnswerer, SlotOffer, Specialty } from '../domain/advisor/turn.js';
import type { TriageReviewer } from '../domain/triage/second-opinion.js';
import type { ComplianceReviewer } from '../domain/compliance/second-opinion.js';
import type { ComplianceEventBatcher } from '../domain/insights/batch.js';

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
  /** The caller's IP as the runtime sees it (socket address on Node, CF-Connecting-IP on Workers). */
  clientIp?: (req: Request, env: unknown) => string | undefined;
  config: Config;
  db: Db;
  log: Logger;
  clock: () => Date;
  readiness: Readiness;
  embedder: Embedder;
  /** The language model behind the advisor when LLM_* is configured; offline composer otherwise. */
  answerer?: OnlineAnswerer;
  /** A model's second opinion on triage (can only raise the level), when LLM_* is configured. */
  triageReviewer?: TriageReviewer;
  /** A model's second reading of marketing copy (can only add review findings). */
  complianceReviewer?: ComplianceReviewer;
  /** Open clinician slots to offer after an urgent or routine triage (from the booking module). */
  offerSlots?: (tenantId: string, specialty: Specialty, locale: 'zh-CN' | 'en', within: 'today' | 'days') => Promise<SlotOffer[]>;
  assets?: AssetSource;
  /** Batches compliance-check analytics on Node (see insights/batch.ts); absent = one insert per check. */
  complianceEvents?: ComplianceEventBatcher;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    principal: Principal;
    requestId: string;
    limiter: SlidingWindowLimiter;
  };
};
