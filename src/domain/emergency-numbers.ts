import { DEFAULT_NUMBERS, type EmergencyNumbers } from './triage/index.js';
import type { TenantSettings } from './keys/tenants.js';

/** The tenant's emergency, crisis and poison numbers for a locale, over the product defaults. */
export function emergencyNumbersFor(settings: TenantSettings, locale: 'zh-CN' | 'en'): EmergencyNumbers {
  const own = settings.emergencyNumbers?.[locale] ?? {};
  const base = DEFAULT_NUMBERS[locale];
  return {
    emergency: own.emergency ?? base.emergency,
    crisis: own.crisis ?? base.crisis,
    poison: own.poison ?? base.poison,
  };
}
