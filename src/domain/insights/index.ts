export {
  recordEvent,
  validateEvent,
  bestSimilarity,
  DEFAULT_MISS_THRESHOLD,
  MAX_QUESTION_CHARS,
  type InsightEvent,
  type ChatTurnEvent,
  type BookingStepEvent,
  type ComplianceCheckEvent,
  type ReviewDecisionEvent,
  type RecordOptions,
} from './events.js';
export { resolveRange, todayIn, isTimeZone, DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, type InsightRange } from './range.js';
export {
  conversationInsights,
  triageInsights,
  feedbackInsights,
  latencyInsights,
  retrievalMisses,
  complianceInsights,
  contentInsights,
  BOOKING_WINDOW_HOURS,
  DRAFT_STATES,
  type ConversationInsights,
  type TriageInsights,
  type FeedbackInsights,
  type LatencyInsights,
  type RetrievalMissInsights,
  type ComplianceInsights,
  type ContentInsights,
  type DraftState,
} from './aggregates.js';
export { thumbsDownCandidates, retrievalMissCandidates, toJsonl, MAX_CANDIDATES, type AdvisorCandidate, type RetrievalCandidate } from './eval-candidates.js';
export * from './taxonomy.js';
