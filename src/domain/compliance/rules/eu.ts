import type { PackDef } from './model.js';
import { intlPack } from './intl.js';

/** European Union: UCPD, food information and claims regulations, and Delegated Regulation 2016/127 for infant formula. */
export const euPack: PackDef = intlPack('EU');
