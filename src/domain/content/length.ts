import { lengthBand, measure } from './channels.js';
import { liveDuration } from './live.js';
import { renderDoc } from './render.js';
import type { Brief, ContentDoc } from './types.js';

/** Running time of a livestream script, or the written length (without mandatory elements) of anything else. */
export function contentLength(doc: ContentDoc, brief: Brief): { value: number; unit: string; min: number; max: number } {
  const band = lengthBand(brief.channel, brief.locale, brief.length);
  if (brief.channel === 'douyin_live_script') return { value: liveDuration(doc), unit: 'seconds', min: band.min, max: band.max };
  const unit = band.unit === 'words' ? 'words' : 'chars';
  return { value: measure(renderDoc(doc, brief.locale, { skipMandatory: true }).body, unit), unit, min: band.min, max: band.max };
}
