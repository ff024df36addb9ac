/**
 * The contact a booking needs, and no more: a name to greet the person and, optionally,
 * one way to reach them. Validated here (not only in the route) so every caller — the
 * HTTP API, the chat module — gets the same answer for a malformed phone or email.
 */
import { ValidationFailed, type FieldError } from '../errors.js';

export interface ContactInput {
  name: string;
  phone?: string | null;
  email?: string | null;
}

export interface Contact {
  name: string;
  phone: string | null;
  email: string | null;
}

// Digits with the separators people type (+86 138-0013-8000, (212) 555 0100); the digit
// count bounds follow E.164 (at most 15) and the shortest local numbers in use.
const PHONE_CHARS = /^\+?[0-9(][0-9 ().-]*[0-9]$/;
// Deliberately plain: one @, no spaces, a dotted domain of DNS labels.
const EMAIL = /^[^\s@<>()[\],;:"]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function validateContact(input: ContactInput, prefix = 'contact'): Contact {
  const errors: FieldError[] = [];
  const name = (input.name ?? '').trim();
  if (name.length < 1 || name.length > 100) errors.push({ field: `${prefix}.name`, message: 'must be 1 to 100 characters' });
  let phone: string | null = null;
  if (input.phone != null && input.phone.trim() !== '') {
    phone = input.phone.trim();
    const digits = phone.replace(/\D/g, '').length;
    if (phone.length > 32 || !PHONE_CHARS.test(phone) || digits < 5 || digits > 15) {
      errors.push({ field: `${prefix}.phone`, message: 'must be a phone number: digits, optionally with a leading + and spaces, dashes or brackets' });
    }
  }
  let email: string | null = null;
  if (input.email != null && input.email.trim() !== '') {
    email = input.email.trim();
    if (email.length > 254 || !EMAIL.test(email)) errors.push({ field: `${prefix}.email`, message: 'must be an email address such as name@example.com' });
  }
  if (errors.length) throw new ValidationFailed('The contact details are not valid.', errors);
  return { name, phone, email };
}
