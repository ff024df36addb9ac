import type { Block, ContentDoc, Locale } from './types.js';

/**
 * Where one editable string of the document sits in the rendered text. Findings come
 * back as offsets into the rendered text; these spans map them to the string to edit,
 * so revisions change the document, never a flattened copy of it.
 */
export type SlotRef =
  | { kind: 'title' }
  | { kind: 'heading'; block: number }
  | { kind: 'text'; block: number }
  | { kind: 'item'; block: number; item: number }
  | { kind: 'tag'; tag: number };

export interface Slot {
  ref: SlotRef;
  field: 'title' | 'body';
  /** Offsets into the field (title or body). */
  start: number;
  end: number;
}

export interface Rendered {
  title?: string;
  body: string;
  slots: Slot[];
}

export function formatClock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** A renderer that records where each piece of text lands. */
class Writer {
  out = '';
  slots: Slot[] = [];
  raw(s: string) {
    this.out += s;
  }
  slot(s: string, ref: SlotRef) {
    const start = this.out.length;
    this.out += s;
    this.slots.push({ ref, field: 'body', start, end: this.out.length });
  }
}

function renderBlock(w: Writer, b: Block, i: number, locale: Locale) {
  if (b.segment) {
    w.raw(`[${formatClock(b.segment.startSec)}–${formatClock(b.segment.endSec)}] `);
    if (b.heading) w.slot(b.heading, { kind: 'heading', block: i });
    if (b.text) {
      w.raw('\n');
      w.slot(b.text, { kind: 'text', block: i });
    }
    return;
  }
  if (b.kind === 'preheader') w.raw(locale === 'en' ? 'Preheader: ' : '预览文字：');
  if (b.heading) {
    w.raw('## ');
    w.slot(b.heading, { kind: 'heading', block: i });
    if (b.text || b.items?.length) w.raw('\n');
  }
  if (b.text) w.slot(b.text, { kind: 'text', block: i });
  if (b.items?.length) {
    if (b.text) w.raw('\n');
    b.items.forEach((item, j) => {
      if (j > 0) w.raw('\n');
      w.raw('- ');
      w.slot(item, { kind: 'item', block: i, item: j });
    });
  }
}

/**
 * Renders a document to the published text: blocks separated by a blank line, section
 * headings as Markdown `##`, list items as `- `, livestream segments with their
 * [mm:ss–mm:ss] timing, the tags line before the AI-generated label (which stays last).
 */
export function renderDoc(doc: ContentDoc, locale: Locale, opts: { skipMandatory?: boolean } = {}): Rendered {
  const w = new Writer();
  let first = true;
  const sep = () => {
    if (!first) w.raw('\n\n');
    first = false;
  };
  const blocks = doc.blocks.map((b, i) => ({ b, i })).filter(({ b }) => !(opts.skipMandatory && b.mandatory));
  const body = blocks.filter(({ b }) => b.kind !== 'aigc');
  const tail = blocks.filter(({ b }) => b.kind === 'aigc');
  for (const { b, i } of body) {
    if (!b.heading && !b.text && !b.items?.length) continue;
    sep();
    renderBlock(w, b, i, locale);
  }
  const tags = doc.tags.filter((t) => t.trim() !== '');
  if (tags.length) {
    sep();
    let firstTag = true;
    doc.tags.forEach((t, j) => {
      if (!t.trim()) return;
      if (!firstTag) w.raw(' ');
      firstTag = false;
      w.raw('#');
      w.slot(t, { kind: 'tag', tag: j });
    });
  }
  for (const { b, i } of tail) {
    sep();
    renderBlock(w, b, i, locale);
  }
  const slots = w.slots;
  if (doc.title !== undefined) slots.unshift({ ref: { kind: 'title' }, field: 'title', start: 0, end: doc.title.length });
  return { ...(doc.title !== undefined ? { title: doc.title } : {}), body: w.out, slots };
}

/** The text the checker reads: the title on its own line, then the body. */
export function checkText(r: { title?: string; body: string }): { text: string; bodyOffset: number } {
  if (r.title === undefined || r.title === '') return { text: r.body, bodyOffset: 0 };
  return { text: `${r.title}\n${r.body}`, bodyOffset: r.title.length + 1 };
}

export function getSlotText(doc: ContentDoc, ref: SlotRef): string {
  switch (ref.kind) {
    case 'title':
      return doc.title ?? '';
    case 'heading':
      return doc.blocks[ref.block]?.heading ?? '';
    case 'text':
      return doc.blocks[ref.block]?.text ?? '';
    case 'item':
      return doc.blocks[ref.block]?.items?.[ref.item] ?? '';
    case 'tag':
      return doc.tags[ref.tag] ?? '';
  }
}

export function setSlotText(doc: ContentDoc, ref: SlotRef, value: string): void {
  switch (ref.kind) {
    case 'title':
      doc.title = value;
      return;
    case 'heading': {
      const b = doc.blocks[ref.block];
      if (b) b.heading = value;
      return;
    }
    case 'text': {
      const b = doc.blocks[ref.block];
      if (b) b.text = value;
      return;
    }
    case 'item': {
      const b = doc.blocks[ref.block];
      if (b?.items) b.items[ref.item] = value;
      return;
    }
    case 'tag':
      doc.tags[ref.tag] = value;
      return;
  }
}

/** Drops list items, tags and blocks a revision emptied, so no bare bullet or heading is left. */
export function pruneEmpty(doc: ContentDoc): void {
  for (const b of doc.blocks) {
    if (b.items) b.items = b.items.filter((it) => it.trim() !== '');
    if (b.heading !== undefined && b.heading.trim() === '') delete b.heading;
    if (b.text !== undefined && b.text.trim() === '') delete b.text;
  }
  doc.blocks = doc.blocks.filter((b) => b.text || b.items?.length || (b.segment && b.heading) || (b.heading && b.kind === 'section'));
  // a section left with a heading and nothing under it says nothing
  doc.blocks = doc.blocks.filter((b) => !(b.kind === 'section' && !b.text && !b.items?.length));
  doc.tags = doc.tags.filter((t) => t.trim() !== '');
}

export function cloneDoc(doc: ContentDoc): ContentDoc {
  return structuredClone(doc);
}
