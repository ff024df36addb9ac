export type TriageLevel = 'emergency' | 'urgent' | 'routine' | 'self_care';
