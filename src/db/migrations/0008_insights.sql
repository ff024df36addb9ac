-- Insight events: the facts the dashboards need that no other table keeps.
--
-- Most insights are computed from the source tables, which already hold them and are
-- already erased and purged with the data subject: questions, stages, cited topics,
-- triage levels, signals, latency and answer mode (messages), feedback (feedback) and
-- bookings with their step timestamps (bookings). This table records only the rest:
--   chat_turn         the best retrieval similarity of a turn (for "retrieval misses")
--                     and, only when that similarity was low, the redacted question;
--   booking_step      steps that leave no booking row: slots offered in a chat turn,
--                     slot lists viewed, a slot lost to someone else (409);
--   compliance_check  verdict, finding categories, product type, channel, market;
--   review_decision   a content draft submitted, approved or rejected at a review
--                     stage, or published.
-- No row holds personal data except chat_turn.question_text, which is already redacted,
-- kept only for low-similarity turns, and cleared when its conversation is erased or
-- purged (see the trigger below).
CREATE TABLE insight_events (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('chat_turn', 'booking_step', 'compliance_check', 'review_decision')),

  -- chat_turn (and booking_step when it happened inside a conversation)
  conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
  message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
  locale text CHECK (locale IN ('zh-CN', 'en')),
  stage text,
  mode text CHECK (mode IN ('online', 'offline', 'fixed')),
  -- cosine similarity of the best retrieved chunk; NULL when the turn retrieved nothing
  -- by design (fixed emergency or out-of-scope answers)
  best_similarity double precision,
  question_text text CHECK (length(question_text) <= 500),

  -- booking_step
  step text CHECK (step IN ('offered', 'slots_viewed', 'slot_taken')),
  specialty text,

  -- compliance_check
  verdict text CHECK (verdict IN ('pass', 'review', 'block')),
  -- one element per finding, so a category found twice counts twice
  categories text[],
  product_type text,
  channel text,
  market text,
  source text CHECK (source IN ('api', 'draft')),

  -- review_decision
  draft_id text,
  review_stage text CHECK (review_stage IN ('content', 'compliance', 'business')),
  decision text CHECK (decision IN ('submit', 'approve', 'reject', 'publish')),

  -- a question is only ever kept while it can still be erased with its conversation
  CHECK (question_text IS NULL OR (kind = 'chat_turn' AND conversation_id IS NOT NULL)),
  CHECK (kind <> 'booking_step' OR step IS NOT NULL),
  CHECK (kind <> 'compliance_check' OR (verdict IS NOT NULL AND categories IS NOT NULL)),
  CHECK (kind <> 'review_decision' OR (draft_id IS NOT NULL AND decision IS NOT NULL
         AND (decision IN ('submit', 'publish') OR review_stage IS NOT NULL)))
);
CREATE INDEX insight_events_tenant_kind_at ON insight_events (tenant_id, kind, at);
CREATE INDEX insight_events_conversation ON insight_events (conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX insight_events_message ON insight_events (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX insight_events_draft ON insight_events (tenant_id, draft_id, at) WHERE kind = 'review_decision';

-- Erasure and retention delete the conversation; ON DELETE SET NULL keeps the
-- anonymous counts (a miss happened, with this similarity) and this trigger drops the
-- question text in the same statement, before the CHECK above is evaluated.
CREATE FUNCTION insight_events_forget_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.conversation_id IS NULL THEN
    NEW.question_text := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER insight_events_forget_text BEFORE UPDATE OF conversation_id ON insight_events
  FOR EACH ROW EXECUTE FUNCTION insight_events_forget_text();

-- Answers by time (every aggregate filters assistant messages of one tenant by date).
CREATE INDEX messages_tenant_role_created ON messages (tenant_id, role, created_at);
-- "Did this escalation end in a booking": bookings by conversation.
CREATE INDEX bookings_conversation ON bookings (tenant_id, conversation_id) WHERE conversation_id IS NOT NULL;
