export const SCOPES = ['chat', 'triage', 'knowledge', 'booking', 'content', 'compliance', 'insights', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** A publishable (widget) key can never carry more than these, whatever it is created with. */
export const PUBLISHABLE_SCOPES: readonly Scope[] = ['chat', 'triage', 'booking'];

export type KeyKind = 'secret' | 'publishable';

/** What an authenticated request knows about its caller. */
export interface Principal {
  tenantId: string;
  keyId: string;
  kind: KeyKind;
  scopes: Scope[];
  allowedOrigins: string[];
  /** This key's own request budget, when it has one. */
  rateLimitPerMinute: number | null;
}

export function hasScope(p: Principal, scope: Scope): boolean {
  // admin implies every scope, but only on secret keys
  return p.scopes.includes(scope) || (p.kind === 'secret' && p.scopes.includes('admin'));
}
