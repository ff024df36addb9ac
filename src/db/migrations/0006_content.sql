-- Content studio: generated marketing drafts, their revisions (each with the checker's
-- findings and what the pipeline changed), three-stage reviews, and an audit trail of
-- overrides and publications.
--
-- Child tables reference drafts through (tenant_id, id), so a review or revision can
-- never point at another tenant's draft.

CREATE TABLE content_drafts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'rejected', 'published')),
  channel text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  market text NOT NULL CHECK (market IN ('CN', 'US', 'EU', 'UK')),
  product_type text NOT NULL,
  -- the brief as normalised (defaults applied), so a draft can be regenerated or audited
  brief jsonb NOT NULL,
  -- the current revision: its number, texts and structure (blocks, tags, segments)
  revision int NOT NULL DEFAULT 1,
  title text,
  body text NOT NULL,
  doc jsonb,
  verdict text NOT NULL CHECK (verdict IN ('pass', 'review', 'block')),
  findings jsonb NOT NULL DEFAULT '[]'::jsonb,
  mandatory jsonb NOT NULL DEFAULT '[]'::jsonb,
  labels jsonb NOT NULL,
  generator text NOT NULL CHECK (generator IN ('llm', 'offline')),
  model text NOT NULL,
  prompt_version text,
  -- 64-bit SimHash of the wording (16 hex digits), for near-duplicate detection
  simhash text NOT NULL CHECK (simhash ~ '^[0-9a-f]{16}$'),
  needs_review text CHECK (needs_review IN ('near_duplicate')),
  near_duplicate jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  UNIQUE (tenant_id, id)
);
CREATE INDEX content_drafts_tenant_status ON content_drafts (tenant_id, status, created_at DESC);
CREATE INDEX content_drafts_tenant_created ON content_drafts (tenant_id, created_at DESC);

CREATE TABLE content_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  draft_id uuid NOT NULL,
  number int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('generated', 'edit')),
  -- "key:<id>" or "reviewer:<id>"
  actor text NOT NULL,
  title text,
  body text NOT NULL,
  verdict text NOT NULL,
  findings jsonb NOT NULL,
  -- generated: the model's first text, each revision round (findings, changes, diff) and
  -- the mandatory elements added; edit: the diff against the previous revision
  history jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  UNIQUE (draft_id, number),
  FOREIGN KEY (tenant_id, draft_id) REFERENCES content_drafts (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE content_reviews (
  -- serial, so decisions made within the same clock tick still have an order
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  draft_id uuid NOT NULL,
  -- decisions belong to one revision: an edit starts the reviews again
  revision int NOT NULL,
  stage text NOT NULL CHECK (stage IN ('content', 'compliance', 'business')),
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  role text NOT NULL CHECK (role IN ('writer', 'compliance_reviewer', 'business_approver')),
  reviewer text NOT NULL,
  comment text,
  request_id text,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, draft_id) REFERENCES content_drafts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX content_reviews_draft ON content_reviews (draft_id, revision, created_at);

-- Overrides and publications, append-only. An override records who accepted which
-- blocking findings, and why, for which revision.
CREATE TABLE content_audit (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL,
  draft_id uuid NOT NULL,
  revision int NOT NULL,
  actor text NOT NULL,
  role text,
  action text NOT NULL CHECK (action IN ('override', 'publish')),
  reason text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text,
  at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, draft_id) REFERENCES content_drafts (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX content_audit_draft ON content_audit (draft_id, at);

CREATE FUNCTION content_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- deleting the draft (or its tenant) cascades; anything else is refused
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM content_drafts WHERE id = OLD.draft_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'content_audit is append-only';
END $$;
CREATE TRIGGER content_audit_no_update BEFORE UPDATE OR DELETE ON content_audit
  FOR EACH ROW EXECUTE FUNCTION content_audit_append_only();
