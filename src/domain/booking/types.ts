export const SPECIALTIES = ['paediatrics', 'obstetrics', 'lactation', 'mental_health', 'nutrition'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine', 'self_care'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

export const BOOKING_STATUSES = ['held', 'confirmed', 'completed', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export type Locale = 'zh-CN' | 'en';

/** Shown next to a clinician's name in both product languages. */
export const SPECIALTY_LABELS: Record<Specialty, Record<Locale, string>> = {
  paediatrics: { 'zh-CN': '儿科', en: 'Paediatrics' },
  obstetrics: { 'zh-CN': '产科', en: 'Obstetrics' },
  lactation: { 'zh-CN': '母乳喂养咨询', en: 'Lactation consulting' },
  mental_health: { 'zh-CN': '心理健康', en: 'Mental health' },
  nutrition: { 'zh-CN': '营养', en: 'Nutrition' },
};

/** A hold keeps a slot for this long; unconfirmed, it lapses and the slot is free again. */
export const HOLD_MINUTES = 10;

/** Consent purpose recorded when a conversation summary is shared with the clinician. */
export const CONSENT_PURPOSE_SHARE_SUMMARY = 'share_conversation_summary';
/** Version of the consent wording the widget shows; bump it when that wording changes. */
export const CONSENT_VERSION = '2026-01';

/** Longest conversation summary accepted: a short note for the clinician, not a transcript. */
export const MAX_SUMMARY_CHARS = 2000;

export interface ClinicianView {
  id: string;
  clinicId: string;
  name: string;
  specialty: Specialty;
  specialtyLabel: string;
  languages: string[];
  timezone: string;
}

export interface SlotView {
  id: string;
  start: string;
  end: string;
  available: boolean;
}

export interface TriageInfo {
  level: TriageLevel;
  reasons: { code: string; label?: string }[];
}

export interface BookingView {
  id: string;
  status: BookingStatus;
  slot: { id: string; start: string; end: string };
  clinician: ClinicianView;
  contact: { subjectId: string; name: string; phone: string | null; email: string | null } | null;
  reason: string | null;
  conversationId: string | null;
  consent: { shareSummary: boolean; version: string | null; grantedAt: string | null };
  /** While held: when the hold lapses unless confirmed. */
  expiresAt: string;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
}

/** What the clinician sees: triage and summary only when the person consented to share them. */
export interface ClinicianBookingView extends BookingView {
  shared: boolean;
  triage: TriageInfo | null;
  summary: string | null;
}
