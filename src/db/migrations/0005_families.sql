-- Family profiles for proactive guidance: a pregnancy's due date, children's birth
-- dates, optional sex, food allergies and nickname, reminder opt-outs, and the
-- reminders already sent. Every table carries tenant_id and subject_id so that a
-- data-subject export or erasure finds every row of one person.

CREATE TABLE families (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  subject_id text NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
  locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  market text NOT NULL CHECK (market IN ('CN', 'US', 'UK', 'EU')),
  -- the pregnancy, if any (one due date, twins included)
  due_date date,
  opt_out_all boolean NOT NULL DEFAULT false,
  opt_out_types text[] NOT NULL DEFAULT '{}' CHECK (opt_out_types <@ ARRAY['vaccine', 'checkup', 'milestone', 'tip']::text[]),
  -- a profile exists only with the parent's consent to this purpose
  consent_purpose text NOT NULL CHECK (consent_purpose = 'profile_and_reminders'),
  consent_version text NOT NULL CHECK (length(consent_version) BETWEEN 1 AND 100),
  consent_granted_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, id)
);
CREATE INDEX families_subject ON families (tenant_id, subject_id);

CREATE TABLE family_children (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  family_id uuid NOT NULL,
  subject_id text NOT NULL,
  -- a child is a birth date; a name only when the parent chose to give a nickname
  birth_date date NOT NULL,
  sex text CHECK (sex IN ('female', 'male')),
  allergies text[] NOT NULL DEFAULT '{}' CHECK (cardinality(allergies) <= 10),
  nickname text CHECK (nickname IS NULL OR length(nickname) BETWEEN 1 AND 40),
  created_at timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, family_id) REFERENCES families (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX family_children_family ON family_children (family_id);
CREATE INDEX family_children_subject ON family_children (tenant_id, subject_id);

-- One row per reminder sent: the unique key makes "the same item never twice" hold
-- even when two reminder jobs run at once, and sent_at feeds the frequency cap.
CREATE TABLE reminders_sent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  family_id uuid NOT NULL,
  subject_id text NOT NULL,
  -- "<child id or 'pregnancy'>:<timeline item id>"
  item_key text NOT NULL,
  item_type text NOT NULL CHECK (item_type IN ('vaccine', 'checkup', 'milestone', 'tip')),
  item_date date NOT NULL,
  child_id uuid,
  event_id uuid,
  sent_at timestamptz NOT NULL,
  UNIQUE (family_id, item_key),
  FOREIGN KEY (tenant_id, family_id) REFERENCES families (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX reminders_sent_recent ON reminders_sent (family_id, sent_at);
CREATE INDEX reminders_sent_subject ON reminders_sent (tenant_id, subject_id);
