import type { PackDef } from './model.js';
import { intlPack } from './intl.js';

/** United States: FTC Act, FD&C Act and the Endorsement Guides; puffery is lawful, objective claims need substantiation. */
export const usPack: PackDef = intlPack('US');
