import type { PackDef } from '../model.js';
import { zhGroups } from '../terms-zh.js';
import { cnAbsoluteRules } from './absolute.js';
import { cnClaimRules } from './claims.js';
import { cnConductRules } from './conduct.js';

/** China: the Advertising Law first, with the sector rules for formula, foods, cosmetics and devices. */
export const cnPack: PackDef = {
  market: 'CN',
  groups: zhGroups,
  rules: [...cnAbsoluteRules, ...cnClaimRules, ...cnConductRules],
};
