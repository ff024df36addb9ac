import type { Context } from 'hono';
import type { AppEnv } from './deps.js';
import type { AdvisorDeps } from '../domain/advisor/turn.js';
import { getTenant } from '../domain/keys/tenants.js';

/** Builds the advisor's dependencies for this request's tenant (its emergency numbers, its clinic). */
export async function advisorDeps(c: Context<AppEnv>): Promise<AdvisorDeps> {
  const deps = c.get('deps');
  const tenant = await getTenant(deps.db, c.get('principal').tenantId);
  return {
    db: deps.db,
    embedder: deps.embedder,
    clock: deps.clock,
    answerer: deps.answerer,
    triageReviewer: deps.triageReviewer,
    tenantSettings: tenant.settings,
    offerSlots: deps.offerSlots ? (specialty, locale, within) => deps.offerSlots!(tenant.id, specialty, locale, within) : undefined,
    actor: `key:${c.get('principal').keyId}`,
    requestId: c.get('requestId'),
    onFallback: (reason) => deps.log.warn({ requestId: c.get('requestId'), reason }, 'advisor fell back to the offline composer'),
  };
}
