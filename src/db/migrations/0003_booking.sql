-- Clinician booking: clinics, clinicians, weekly availability, materialised slots,
-- contacts, bookings, consents, idempotency keys and the webhook outbox.
--
-- Child tables reference their parent through (tenant_id, id), so a row can never point
-- at another tenant's clinic, clinician or slot, whatever the application code does.

CREATE TABLE clinics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  timezone text NOT NULL,
  -- a stable handle for seeded rows (the demo clinic), so seeding stays idempotent
  slug text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug)
);

CREATE TABLE clinicians (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  clinic_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- optional per-locale display names, e.g. {"zh-CN": "周明远", "en": "Zhou Mingyuan"}
  display_names jsonb NOT NULL DEFAULT '{}'::jsonb,
  specialty text NOT NULL CHECK (specialty IN ('paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition')),
  languages text[] NOT NULL DEFAULT '{}',
  -- IANA zone the weekly rules are written in (validated by the application through Intl)
  timezone text NOT NULL,
  slug text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug),
  FOREIGN KEY (tenant_id, clinic_id) REFERENCES clinics (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX clinicians_tenant ON clinicians (tenant_id, specialty) WHERE active;

-- Weekly rules in the clinician's local time. Rules are never edited: replacing a
-- clinician's availability retires the old rules, so existing bookings keep their history.
CREATE TABLE availability_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  clinician_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO 8601: 1 = Monday
  start_time time NOT NULL,
  end_time time NOT NULL,
  slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 480),
  valid_from date,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK (end_time > start_time),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from),
  FOREIGN KEY (tenant_id, clinician_id) REFERENCES clinicians (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX availability_rules_active ON availability_rules (clinician_id) WHERE retired_at IS NULL;

-- Concrete appointment times generated from the rules. A slot from a retired rule stays
-- (bookings reference it) but is neither listed nor bookable.
CREATE TABLE slots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  clinician_id uuid NOT NULL,
  rule_id uuid REFERENCES availability_rules(id) ON DELETE SET NULL,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_at > start_at),
  UNIQUE (tenant_id, id),
  -- materialising twice (or from two processes) inserts each slot once
  UNIQUE (clinician_id, start_at, end_at),
  FOREIGN KEY (tenant_id, clinician_id) REFERENCES clinicians (tenant_id, id) ON DELETE CASCADE
);

-- The least personal data needed to reach the person who booked. Keyed by subject_id so
-- a data-subject export or erasure finds every row of one person.
CREATE TABLE contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id text NOT NULL,
  name text NOT NULL,
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_subject ON contacts (tenant_id, subject_id);

CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  slot_id uuid NOT NULL,
  clinician_id uuid NOT NULL,
  -- erasing a contact leaves the booking (the clinic's appointment record) without a person
  contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('held', 'confirmed', 'completed', 'cancelled', 'expired')),
  reason text,
  conversation_id text,
  triage_level text CHECK (triage_level IN ('emergency', 'urgent', 'routine', 'self_care')),
  triage_reasons jsonb,
  share_summary boolean NOT NULL DEFAULT false,
  summary text,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  completed_at timestamptz,
  expired_at timestamptz,
  -- a conversation summary is only ever stored when the person agreed to share it
  CHECK (summary IS NULL OR share_summary),
  FOREIGN KEY (tenant_id, slot_id) REFERENCES slots (tenant_id, id),
  FOREIGN KEY (tenant_id, clinician_id) REFERENCES clinicians (tenant_id, id)
);
-- The exactly-once guarantee: at most one active (held or confirmed) booking per slot,
-- enforced by the database whatever races happen above it.
CREATE UNIQUE INDEX bookings_one_active_per_slot ON bookings (slot_id) WHERE status IN ('held', 'confirmed');
CREATE INDEX bookings_clinician_status ON bookings (clinician_id, status);
CREATE INDEX bookings_held_expiry ON bookings (expires_at) WHERE status = 'held';
CREATE INDEX bookings_contact ON bookings (contact_id);

-- Proof of consent: what was agreed (purpose), to which wording (version), and when.
CREATE TABLE consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id text NOT NULL,
  booking_id uuid REFERENCES bookings(id) ON DELETE SET NULL,
  purpose text NOT NULL,
  version text NOT NULL,
  granted_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
CREATE INDEX consents_subject ON consents (tenant_id, subject_id);
CREATE INDEX consents_booking ON consents (booking_id);

-- Idempotency-Key results. The row is inserted first (so a concurrent retry with the
-- same key waits for the first request) and completed with the response in the same
-- transaction; a failed request rolls it back and the key can be used again.
CREATE TABLE idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer,
  -- the exact JSON text sent the first time, so a replay is byte-for-byte the same
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

-- Transactional outbox for webhooks: events are written in the same transaction as the
-- change they describe, and all delivery state lives here, so a restart loses nothing.
CREATE TABLE webhook_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- while in flight: the claim is valid until then; after it, another worker may retry
  lease_until timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_events_leased ON webhook_events (lease_until) WHERE status = 'in_flight';
CREATE INDEX webhook_events_tenant ON webhook_events (tenant_id, created_at);
