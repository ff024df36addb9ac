/**
 * Booking contact checks, the same rules the service applies (src/domain/booking/contact.ts),
 * so the parent learns about a typo next to the field instead of from a 422.
 */
import type { Strings } from './i18n.js';

const PHONE_CHARS = /^\+?[0-9(][0-9 ().-]*[0-9]$/;
const EMAIL = /^[^\s@<>()[\],;:"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export interface ContactForm {
  name: string;
  phone: string;
  email: string;
}

export type ContactErrors = Partial<Record<keyof ContactForm, string>>;

export function checkContact(f: ContactForm, s: Strings): ContactErrors {
  const e: ContactErrors = {};
  const name = f.name.trim();
  const phone = f.phone.trim();
  const email = f.email.trim();
  if (!name || name.length > 100) e.name = s.errName;
  if (phone) {
    const digits = phone.replace(/\D/g, '').length;
    if (phone.length > 32 || !PHONE_CHARS.test(phone) || digits < 5 || digits > 15) e.phone = s.errPhone;
  }
  if (email && (email.length > 254 || !EMAIL.test(email))) e.email = s.errEmail;
  if (!phone && !email) e.phone = s.errContact;
  return e;
}
