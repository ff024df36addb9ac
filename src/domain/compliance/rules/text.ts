import type { LocalText } from '../types.js';

/**
 * Both user-facing languages at once. `{match}` in a message is replaced by the matched text.
 *
 * Legal bases marked "(check)" / "（条款号待核）" cite an article number the reference notes
 * could not confirm against the official text (the substance was confirmed from secondary
 * sources); confirm the number before quoting it in a formal opinion.
 */
export const L = (zh: string, en: string): LocalText => ({ zh, en });
