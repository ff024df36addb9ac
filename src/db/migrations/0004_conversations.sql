CREATE TABLE conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  -- the data subject (a widget visitor or a customer-service user id), for export and erasure
  subject_id text,
  locale text NOT NULL,
  -- the child profile remembered within the conversation (dates only, never a name)
  child jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_tenant ON conversations (tenant_id, updated_at);
CREATE INDEX conversations_subject ON conversations (tenant_id, subject_id);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('user', 'assistant')),
  -- personal data (phones, e-mails, ID numbers, names) is redacted before storing
  text text NOT NULL,
  triage jsonb,
  citations jsonb NOT NULL DEFAULT '[]'::jsonb,
  signals jsonb,
  mode text,
  stage text,
  latency_ms int,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);

CREATE TABLE feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  reason text,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (message_id)
);
