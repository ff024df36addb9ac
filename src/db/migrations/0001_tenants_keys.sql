CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- per-tenant settings: emergency numbers, retention days, webhook endpoints
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- the operator's own tenant: its admin keys may create and manage other tenants
  is_operator boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- at most one operator tenant, even when several processes start together
CREATE UNIQUE INDEX tenants_one_operator ON tenants ((true)) WHERE is_operator;

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('secret', 'publishable')),
  name text NOT NULL DEFAULT '',
  -- first characters of the key, shown in listings so people can tell keys apart
  prefix text NOT NULL,
  -- SHA-256 of the whole key; the key itself is shown once and never stored
  hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  allowed_origins text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);
