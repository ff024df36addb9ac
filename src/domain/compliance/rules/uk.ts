import type { PackDef } from './model.js';
import { intlPack } from './intl.js';

/** United Kingdom: CAP Code (ASA), retained EU food law, and the DMCC Act 2024. */
export const ukPack: PackDef = intlPack('UK');
