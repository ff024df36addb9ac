-- Append-only audit trail: key changes, triage escalations, bookings, content approvals
-- and overrides, data exports and erasures. Rows can be added, never changed or removed
-- (except with their tenant).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  -- who acted: "key:<id>", "reviewer:<id>", "system"
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  request_id text,
  -- never personal data: ids, levels, counts
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a tenant's deletion cascades; anything else is refused
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Consent records live in `consents` (0003): purpose, version, granted_at, withdrawn_at.

-- Per-key request budget; NULL = the service default.
ALTER TABLE api_keys ADD COLUMN rate_limit_per_minute int;
