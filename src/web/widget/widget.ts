/**
 * The embeddable chat widget: a launcher and a panel in a shadow root. Everything is
 * built with DOM calls (dom.ts); answer text only ever reaches the page as text nodes.
 */
import { h, uid } from './dom.js';
import { STRINGS, fmt, type Locale, type Strings } from './i18n.js';
import { parseAnswer, safeUrl, type Inline } from './markdown.js';
import { accessibleColor } from './color.js';
import { Store } from './store.js';
import { Api, ApiError, type Action, type ChatDone, type Citation, type Offer, type Slot, type Triage } from './api.js';
import { checkContact, type ContactForm } from './contact.js';
import { localToday, stageLabel, validChild, type Child } from './stage.js';
import { CSS } from './styles.js';

/** Bump when the consent text changes materially: everyone is asked again. */
export const CONSENT_VERSION = '2026-01';
const MAX_KEPT = 40;
const DAY = 86_400_000;

export interface Options {
  key: string;
  api: string;
  locale: Locale;
  position: 'bottom-right' | 'bottom-left';
  color?: string;
  title?: string;
  greeting?: string;
  market: string;
}

type Level = Triage['level'];
type KeptAnswer = {
  r: 'a';
  id: string;
  text: string;
  cites: Citation[];
  level: Level;
  reasons?: Triage['reasons'];
  fb?: 'up' | 'down';
  handoff?: boolean;
  offer?: Offer;
  booked?: { who: string; start: string };
};
/** What survives a reload: the rendered conversation, never the raw server payloads. */
type Kept = { r: 'u'; text: string } | KeptAnswer | { r: 'e'; text: string; actions: Action[] };
type Consent = { v: string; at: string; remember: boolean };
export type EventName = 'open' | 'close' | 'message' | 'triage' | 'booking';

const REASONS = ['not_relevant', 'not_accurate', 'not_clear', 'unsafe', 'other'] as const;

export class Widget {
  private readonly s: Strings;
  private readonly api: Api;
  private readonly store: Store;
  private readonly shadow: ShadowRoot;
  private readonly handlers = new Map<EventName, Set<(d: unknown) => void>>();
  private consent: Consent | null;
  private child: Child | null;
  private conv: { id: string | null; msgs: Kept[] };
  private ctrl: AbortController | null = null;
  private weekLoaded = false;

  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private readonly bar: HTMLDivElement;
  private readonly chip: HTMLButtonElement;
  private readonly stageForm: HTMLFormElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendBtn: HTMLButtonElement;
  private week: HTMLDivElement = h('div', { class: 'wk', hidden: true });

  constructor(private readonly o: Options) {
    this.s = STRINGS[o.locale];
    this.api = new Api(o.api, o.key);
    this.store = new Store(`nestwise:${o.key.slice(-10)}:`);
    const c = this.store.get<Consent>('consent');
    this.consent = c && c.v === CONSENT_VERSION ? c : null;
    this.child = this.consent?.remember ? validChild(this.store.get('child'), localToday()) : null;
    const conv = this.consent ? this.store.get<{ id: string | null; msgs: Kept[] }>('conv') : null;
    this.conv = conv && Array.isArray(conv.msgs) ? conv : { id: null, msgs: [] };

    const s = this.s;
    const host = h('div', { 'data-nestwise': '' });
    this.shadow = host.attachShadow({ mode: 'open' });
    // A constructed sheet is not inline <style>, so a host page's strict CSP still lets it apply.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      this.shadow.adoptedStyleSheets = [sheet];
    } catch {
      this.shadow.append(h('style', null, CSS));
    }

    this.launcher = h('button', { class: 'l', type: 'button', 'aria-label': s.launcher, 'aria-expanded': 'false', 'aria-controls': 'nw-p', onclick: () => this.open() }, h('i', { 'aria-hidden': 'true' }));
    this.chip = h('button', { class: 'chip', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'nw-sf', onclick: () => this.toggleStage() });
    this.bar = h('div', { class: 'bar' }, this.chip);
    this.stageForm = this.buildStageForm();
    this.body = h('div', { class: 'body' });
    this.live = h('div', { class: 'sr', 'aria-live': 'polite' });
    this.input = h('textarea', { id: 'nw-q', rows: 1, maxlength: 2000, placeholder: s.placeholder, onkeydown: (e) => this.onInputKey(e as KeyboardEvent) });
    this.sendBtn = h('button', { class: 'btn', type: 'submit' }, s.send);
    this.composer = h(
      'form',
      { class: 'cp', onsubmit: (e) => (e.preventDefault(), void this.send(this.input.value)) },
      h('label', { class: 'sr', for: 'nw-q' }, s.inputLabel),
      this.input,
      this.sendBtn,
    );
    this.panel = h(
      'div',
      { class: 'p', id: 'nw-p', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'nw-t', hidden: true, onkeydown: (e) => this.onKey(e as KeyboardEvent) },
      h(
        'div',
        { class: 'hd' },
        h('h2', { id: 'nw-t' }, o.title || s.title),
        h('button', { class: 'ib', type: 'button', 'aria-label': s.reset, title: s.reset, onclick: () => this.reset() }, h('span', { 'aria-hidden': 'true' }, '↺')),
        h('button', { class: 'ib', type: 'button', 'aria-label': s.close, title: s.close, onclick: () => this.close() }, h('span', { 'aria-hidden': 'true' }, '×')),
      ),
      h('p', { class: 'disc' }, s.disclosure),
      this.bar,
      this.stageForm,
      this.body,
      this.live,
      this.composer,
    );
    this.root = h('div', { class: o.position === 'bottom-left' ? 'r left' : 'r' }, this.launcher, this.panel);
    this.root.lang = o.locale;
    this.root.style.setProperty('--c', accessibleColor(o.color));
    this.shadow.append(this.root);
    document.body.append(host);
    this.drawChip();
    this.renderBody();
  }

  // ---- public API -------------------------------------------------------------

  open(): void {
    if (!this.panel.hidden) return;
    this.panel.hidden = false;
    this.root.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.scroll();
    this.focusFirst();
    if (!this.weekLoaded && this.consent?.remember && this.child) void this.syncFamily();
    this.emit('open', {});
  }

  close(): void {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.root.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
    this.emit('close', {});
  }

  /** Forgets the conversation (here and on this device); consent and stage stay. */
  reset(): void {
    this.ctrl?.abort();
    this.ctrl = null;
    this.conv = { id: null, msgs: [] };
    this.store.del('conv');
    this.live.replaceChildren();
    this.setBusy(false);
    this.renderBody();
    if (!this.panel.hidden) this.focusFirst();
  }

  identify(x: unknown): boolean {
    const c = validChild(x, localToday());
    if (!c) {
      console.warn('Nestwise.identify expects { birthDate } or { dueDate } as a plausible YYYY-MM-DD date');
      return false;
    }
    this.setChild(c);
    return true;
  }

  on(event: EventName, fn: (d: unknown) => void): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(fn);
    return () => set!.delete(fn);
  }

  private emit(event: EventName, detail: unknown): void {
    for (const fn of this.handlers.get(event) ?? []) {
      try {
        fn(detail);
      } catch (err) {
        console.error('Nestwise event handler failed', err);
      }
    }
  }

  // ---- layout, focus and keyboard --------------------------------------------------

  private renderBody(): void {
    const ok = !!this.consent;
    this.bar.hidden = !ok;
    this.composer.hidden = !ok;
    if (!ok) {
      this.body.replaceChildren(this.consentView());
      return;
    }
    this.body.replaceChildren(
      h('div', { class: 'm' }, h('div', { class: 'b' }, h('p', null, this.o.greeting || this.s.greeting))),
      this.week,
      ...this.conv.msgs.flatMap((k) => {
        // Storage is the host page's to tamper with: a malformed entry is skipped, never fatal.
        try {
          return [this.renderKept(k)];
        } catch {
          return [];
        }
      }),
    );
    this.scroll();
  }

  private focusables(): HTMLElement[] {
    return [...this.panel.querySelectorAll<HTMLElement>('a[href],button:not([disabled]),input:not([disabled]),textarea:not([disabled]),[tabindex="0"]')].filter(
      (el) => el.getClientRects().length > 0,
    );
  }

  private focusFirst(): void {
    const target = this.consent ? this.input : this.body.querySelector<HTMLElement>('.btn');
    (target ?? this.focusables()[0])?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (!this.stageForm.hidden) this.toggleStage(false);
      else this.close();
      return;
    }
    if (e.key !== 'Tab') return;
    const f = this.focusables();
    const first = f[0];
    const last = f[f.length - 1];
    const active = this.shadow.activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (active === first || !this.panel.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !this.panel.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  }

  private onInputKey(e: KeyboardEvent): void {
    // Enter sends, Shift+Enter breaks the line; never while an IME is composing Chinese.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      void this.send(this.input.value);
    }
  }

  /** Follows new content, unless the parent has scrolled up to read something earlier. */
  private scroll(force = true): void {
    const b = this.body;
    if (force || b.scrollHeight - b.scrollTop - b.clientHeight < 120) b.scrollTop = b.scrollHeight;
  }

  private setBusy(busy: boolean): void {
    this.sendBtn.disabled = busy;
    this.sendBtn.setAttribute('aria-busy', String(busy));
  }

  // ---- consent and stage ------------------------------------------------------

  private consentView(): HTMLElement {
    const s = this.s;
    const remember = h('input', { type: 'checkbox' });
    return h(
      'div',
      { class: 'cs' },
      h('h3', null, s.consentTitle),
      h('p', { class: 'd' }, s.disclosure),
      h('p', null, s.consentBody),
      h('label', { class: 'ck' }, remember, s.consentRemember),
      h('button', { class: 'btn', type: 'button', onclick: () => this.accept(remember.checked) }, s.consentAccept),
    );
  }

  private accept(remember: boolean): void {
    this.consent = { v: CONSENT_VERSION, at: new Date().toISOString(), remember };
    this.store.set('consent', this.consent);
    if (remember && this.child) {
      this.store.set('child', this.child);
      void this.syncFamily();
    }
    this.renderBody();
    this.input.focus();
  }

  private drawChip(): void {
    const label = this.child ? stageLabel(this.child, localToday(), this.s) : this.s.stageNone;
    this.chip.replaceChildren(h('span', { class: 'sr' }, this.s.stage + '：'), label);
  }

  private buildStageForm(): HTMLFormElement {
    const s = this.s;
    const due = h('input', { type: 'radio', name: 'nw-k', value: 'due', checked: true });
    const birth = h('input', { type: 'radio', name: 'nw-k', value: 'birth' });
    const date = h('input', { type: 'date', id: 'nw-d', required: true, 'aria-describedby': 'nw-de' });
    const err = h('p', { class: 'err', id: 'nw-de', 'aria-live': 'assertive' });
    const form = h(
      'form',
      {
        class: 'sf',
        id: 'nw-sf',
        hidden: true,
        novalidate: true,
        onsubmit: (e) => {
          e.preventDefault();
          const c = validChild(due.checked ? { dueDate: date.value } : { birthDate: date.value }, localToday());
          if (!c) {
            err.textContent = s.errDate;
            date.setAttribute('aria-invalid', 'true');
            date.focus();
            return;
          }
          this.setChild(c);
          this.toggleStage(false);
        },
      },
      h('fieldset', null, h('legend', null, s.stage), h('label', { class: 'ck' }, due, s.stageDue), h('label', { class: 'ck' }, birth, s.stageBirth)),
      h('label', { class: 'f', for: 'nw-d' }, s.stageDate, date),
      err,
      h(
        'div',
        { class: 'row' },
        h('button', { class: 'btn', type: 'submit' }, s.save),
        h('button', { class: 'btn2', type: 'button', onclick: () => (this.setChild(null), this.toggleStage(false)) }, s.clear),
        h('button', { class: 'btn2', type: 'button', onclick: () => this.toggleStage(false) }, s.cancel),
      ),
    );
    return form;
  }

  private toggleStage(show = this.stageForm.hidden): void {
    this.stageForm.hidden = !show;
    this.chip.setAttribute('aria-expanded', String(show));
    if (show) {
      const [due, birth, date] = [...this.stageForm.querySelectorAll('input')] as HTMLInputElement[];
      const c = this.child;
      if (c) {
        (('dueDate' in c ? due : birth) as HTMLInputElement).checked = true;
        date!.value = 'dueDate' in c ? c.dueDate : c.birthDate;
      }
      date!.removeAttribute('aria-invalid');
      this.stageForm.querySelector('.err')!.textContent = '';
      date!.focus();
    } else {
      this.chip.focus();
    }
  }

  private setChild(c: Child | null): void {
    this.child = c;
    // Remembered on this device only with the optional "remember" consent.
    if (this.consent?.remember) {
      if (c) this.store.set('child', c);
      else this.store.del('child');
    }
    this.drawChip();
    if (c && this.consent?.remember) void this.syncFamily();
    else this.week.hidden = true;
  }

  /**
   * With the "remember" consent, keeps a family profile on the service and shows its
   * "this week" items. Any failure (endpoint missing, key without access) hides the card.
   */
  private async syncFamily(): Promise<void> {
    const c = this.child;
    if (!c || !this.consent?.remember) return;
    this.weekLoaded = true;
    const profile = {
      locale: this.o.locale,
      market: this.o.market,
      ...('dueDate' in c ? { pregnancy: { dueDate: c.dueDate } } : { children: [{ birthDate: c.birthDate }] }),
    };
    try {
      let fam = this.store.get<string>('family');
      if (fam) {
        try {
          await this.api.json(`/v1/families/${encodeURIComponent(fam)}`, { method: 'PATCH', body: JSON.stringify(profile) });
        } catch (err) {
          if ((err as ApiError).status !== 404) throw err;
          fam = null;
        }
      }
      if (!fam) {
        const subjectId = this.store.get<string>('subject') ?? uid();
        this.store.set('subject', subjectId);
        const created = await this.api.post<{ id: string }>('/v1/families', {
          subjectId,
          consent: { purpose: 'profile_and_reminders', version: CONSENT_VERSION, granted: true },
          ...profile,
        });
        fam = created.id;
        this.store.set('family', fam);
      }
      const today = localToday();
      const to = new Date(Date.parse(today) + 7 * DAY).toISOString().slice(0, 10);
      const { items } = await this.api.json<{ items: { date: string; title: string; detail?: string }[] }>(
        `/v1/families/${encodeURIComponent(fam)}/timeline?from=${today}&to=${to}`,
      );
      if (!Array.isArray(items) || !items.length) throw new Error('empty');
      this.week.replaceChildren(
        h('h3', null, this.s.week),
        h('ul', null, ...items.slice(0, 4).map((it) => h('li', null, h('strong', null, String(it.title)), it.detail ? h('span', null, ' — ' + it.detail) : null))),
      );
      this.week.hidden = false;
    } catch {
      this.week.hidden = true;
    }
  }

  // ---- messages --------------------------------------------------------------

  private keep(k: Kept): void {
    this.conv.msgs.push(k);
    if (this.conv.msgs.length > MAX_KEPT) this.conv.msgs.splice(0, this.conv.msgs.length - MAX_KEPT);
    this.saveConv();
  }

  private saveConv(): void {
    if (this.consent) this.store.set('conv', this.conv);
  }

  private renderKept(k: Kept): HTMLElement {
    if (k.r === 'u') return this.userEl(k.text);
    if (k.r === 'e') return h('div', { class: 'm' }, this.emergencyEl(k.actions, k.text));
    return h('div', { class: 'm' }, ...this.answerParts(k));
  }

  private userEl(text: string): HTMLElement {
    return h('div', { class: 'm' }, h('div', { class: 'u' }, h('span', { class: 'sr' }, this.s.you + '：'), text));
  }

  private inline(inl: Inline[], cites: Citation[]): (Node | string)[] {
    return inl.map((i) => {
      if (i.t === 'text') return i.v;
      if (i.t === 'b') return h('strong', null, i.v);
      const c = cites[i.n - 1];
      const url = safeUrl(c?.sources?.[0]?.url);
      const label = fmt(this.s.sourceN, { n: i.n }) + (c ? '：' + c.title : '');
      return url
        ? h('a', { class: 'ref', href: url, target: '_blank', rel: 'noopener noreferrer', 'aria-label': label }, `[${i.n}]`)
        : h('span', { class: 'ref', 'aria-label': label }, `[${i.n}]`);
    });
  }

  /** Builds the answer's blocks (paragraphs, lists) as elements, never as markup. */
  private md(text: string, cites: Citation[]): HTMLElement[] {
    return parseAnswer(text).map((b) =>
      b.t === 'p' ? h('p', null, ...this.inline(b.inl, cites)) : h(b.t, null, ...b.items.map((it) => h('li', null, ...this.inline(it, cites)))),
    );
  }

  private citesEl(cites: Citation[]): HTMLElement | null {
    if (!cites.length) return null;
    return h(
      'div',
      { class: 'cites' },
      h('h4', null, this.s.sources),
      h(
        'ol',
        null,
        ...cites.map((c) =>
          h(
            'li',
            null,
            String(c.title),
            ...(c.sources ?? []).flatMap((src) => {
              const url = safeUrl(src.url);
              const name = `${src.publisher}${src.year ? ' ' + src.year : ''}`;
              return [' · ', url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: src.title }, name) : name];
            }),
          ),
        ),
      ),
    );
  }

  private answerParts(k: KeptAnswer): HTMLElement[] {
    const parts: (HTMLElement | null)[] = [
      h('div', { class: 'b' }, h('span', { class: 'sr' }, this.s.assistant + '：'), ...this.md(k.text, k.cites)),
      this.citesEl(k.cites),
      this.feedbackEl(k),
      k.handoff ? h('p', { class: 'note' }, this.s.handoff) : null,
      k.offer && (k.level === 'urgent' || k.level === 'routine') ? this.bookingEl(k) : null,
    ];
    return parts.filter((p): p is HTMLElement => !!p);
  }

  private emergencyEl(actions: Action[], text?: string): HTMLElement {
    const el = h('div', { class: 'em', role: 'alert' });
    this.fillEmergency(el, actions, text);
    return el;
  }

  /**
   * The emergency banner: a call link for every number the triage gave (tel:), then the
   * fixed emergency text once it arrives; until then the first steps and what not to do
   * straight from the triage actions.
   */
  private fillEmergency(el: HTMLElement, actions: Action[], text?: string): void {
    const s = this.s;
    const kids: (HTMLElement | string)[] = [h('h3', null, '⚠ ' + s.emTitle)];
    for (const a of actions) {
      if (!a.number || !/^[0-9+\-() ]{2,20}$/.test(a.number)) continue;
      const label = a.type === 'call_emergency' ? fmt(s.call, { n: a.number }) : a.label && a.label.includes(a.number) ? a.label : `${a.label ?? ''} ${a.number}`.trim();
      kids.push(h('a', { class: 'call', href: 'tel:' + a.number.replace(/[^0-9+]/g, '') }, label));
    }
    if (text) kids.push(...this.md(text, []));
    else {
      const call = actions.find((a) => a.type === 'call_emergency');
      if (call?.firstSteps?.length) kids.push(h('p', null, s.emWait), h('ul', null, ...call.firstSteps.map((x) => h('li', null, x))));
      if (call?.doNot?.length) kids.push(h('p', null, s.emDoNot), h('ul', null, ...call.doNot.map((x) => h('li', null, x))));
    }
    el.replaceChildren(...kids);
  }

  private feedbackEl(k: KeptAnswer): HTMLElement {
    const s = this.s;
    const status = h('span', { role: 'status' });
    const reasons = h('div', { class: 'rs', hidden: k.fb !== 'down', role: 'group', 'aria-label': s.why });
    const thumb = (rating: 'up' | 'down', icon: string, text: string) =>
      h('button', { type: 'button', 'aria-pressed': String(k.fb === rating), onclick: () => void submit(rating) }, h('span', { 'aria-hidden': 'true' }, icon), text);
    const up = thumb('up', '👍', s.up);
    const down = thumb('down', '👎', s.down);
    const submit = async (rating: 'up' | 'down', reason?: string, btn?: HTMLElement) => {
      try {
        await this.api.post(`/v1/messages/${encodeURIComponent(k.id)}/feedback`, reason ? { rating, reason } : { rating });
        k.fb = rating;
        this.saveConv();
        up.setAttribute('aria-pressed', String(rating === 'up'));
        down.setAttribute('aria-pressed', String(rating === 'down'));
        for (const b of reasons.children) b.setAttribute('aria-pressed', String(b === btn));
        reasons.hidden = rating !== 'down';
        status.textContent = s.thanks;
      } catch {
        status.textContent = s.error;
      }
    };
    reasons.append(h('span', null, s.why), ...REASONS.map((r) => {
      const b: HTMLElement = h('button', { type: 'button', 'aria-pressed': 'false', onclick: () => void submit('down', r, b) }, s[`r_${r}`]);
      return b;
    }));
    return h('div', { class: 'fb' }, h('span', null, s.helpful), up, down, status, reasons);
  }

  // ---- booking ---------------------------------------------------------------

  private when(iso: string, full = false): string {
    const opts: Intl.DateTimeFormatOptions = full
      ? { dateStyle: 'full', timeStyle: 'short' }
      : { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    try {
      return new Intl.DateTimeFormat(this.o.locale, opts).format(new Date(iso));
    } catch {
      return iso;
    }
  }

  /** Open slots in the coming week for a specialty, when the turn offered none (or to refresh). */
  private async findSlots(specialty: string): Promise<Slot[]> {
    const { clinicians } = await this.api.json<{ clinicians: { id: string; name: string }[] }>(
      `/v1/clinicians?specialty=${encodeURIComponent(specialty)}&locale=${this.o.locale}`,
    );
    const from = new Date();
    const to = new Date(from.getTime() + 7 * DAY);
    const out: Slot[] = [];
    for (const c of clinicians.slice(0, 3)) {
      const { slots } = await this.api.json<{ slots: { id: string; start: string; end: string; available: boolean }[] }>(
        `/v1/clinicians/${encodeURIComponent(c.id)}/slots?from=${from.toISOString()}&to=${to.toISOString()}`,
      );
      for (const sl of slots) if (sl.available) out.push({ slotId: sl.id, start: sl.start, end: sl.end, clinician: { id: c.id, name: c.name } });
    }
    return out.sort((a, b) => a.start.localeCompare(b.start)).slice(0, 6);
  }

  private confirmation(b: { who: string; start: string }): HTMLElement[] {
    return [h('h3', { tabindex: '-1' }, '✓ ' + this.s.booked), h('p', { role: 'status' }, fmt(this.s.bookedWith, { who: b.who, when: this.when(b.start, true) }))];
  }

  private bookingEl(k: KeptAnswer): HTMLElement {
    const s = this.s;
    const offer = k.offer!;
    const g = 'nw' + uid().slice(0, 8);
    const card = h('div', { class: 'card', role: 'group', 'aria-labelledby': g + 't' });
    if (k.booked) {
      card.append(...this.confirmation(k.booked));
      return card;
    }
    let slots = offer.slots.slice();
    let selected: string | null = null;
    let idem: { sig: string; key: string } | null = null;
    const slotsBox = h('div', { class: 'slots' });
    const lead = h('p', null, s.bookLead);
    const field = (name: keyof ContactForm, type: string, autocomplete: string) => {
      const input = h('input', { id: g + name, name, type, autocomplete, 'aria-describedby': g + name + 'e' });
      const err = h('span', { class: 'err', id: g + name + 'e' });
      return { input, err, el: h('label', { class: 'f', for: g + name }, s[name], input, err) };
    };
    const f = { name: field('name', 'text', 'name'), phone: field('phone', 'tel', 'tel'), email: field('email', 'email', 'email') };
    const share = h('input', { type: 'checkbox' });
    const slotErr = h('p', { class: 'err', id: g + 'se' });
    const msg = h('p', { role: 'status' });
    const btn = h('button', { class: 'btn', type: 'submit' }, s.book);

    const drawSlots = () => {
      slotsBox.replaceChildren(
        ...slots.map((sl) =>
          h(
            'label',
            { class: 'slot' },
            h('input', { type: 'radio', name: g, value: sl.slotId, checked: sl.slotId === selected, 'aria-describedby': g + 'se', onchange: () => (selected = sl.slotId) }),
            `${this.when(sl.start)} · ${sl.clinician.name}`,
          ),
        ),
      );
      if (!slots.length) slotsBox.append(h('p', null, s.noSlots));
    };
    const refresh = async () => {
      slotsBox.replaceChildren(h('p', null, s.loadingSlots));
      try {
        slots = await this.findSlots(offer.specialty);
      } catch {
        /* keep what we had (minus the taken one) */
      }
      if (selected && !slots.some((x) => x.slotId === selected)) selected = null;
      drawSlots();
    };

    const submit = async (e: Event) => {
      e.preventDefault();
      const form: ContactForm = { name: f.name.input.value, phone: f.phone.input.value, email: f.email.input.value };
      const errs = checkContact(form, s);
      for (const key of ['name', 'phone', 'email'] as const) {
        f[key].err.textContent = errs[key] ?? '';
        if (errs[key]) f[key].input.setAttribute('aria-invalid', 'true');
        else f[key].input.removeAttribute('aria-invalid');
      }
      slotErr.textContent = selected ? '' : s.errSlot;
      const firstBad = !selected ? slotsBox.querySelector('input') : (['name', 'phone', 'email'] as const).map((x) => (errs[x] ? f[x].input : null)).find(Boolean);
      if (!selected || Object.keys(errs).length) {
        (firstBad as HTMLElement | null | undefined)?.focus();
        return;
      }
      const slot = slots.find((x) => x.slotId === selected)!;
      const shareIt = share.checked;
      const body = {
        slotId: slot.slotId,
        contact: { name: form.name.trim(), ...(form.phone.trim() ? { phone: form.phone.trim() } : {}), ...(form.email.trim() ? { email: form.email.trim() } : {}) },
        ...(this.conv.id ? { conversationId: this.conv.id } : {}),
        consent: { shareSummary: shareIt, version: CONSENT_VERSION },
        // The conversation leaves the device for the clinician only with this consent.
        ...(shareIt
          ? {
              summary: this.conv.msgs
                .filter((m) => m.r === 'u')
                .map((m) => m.text)
                .join('\n')
                .slice(-2000),
              triage: { level: k.level, reasons: (k.reasons ?? []).slice(0, 20) },
            }
          : {}),
      };
      // The same attempt retried (double click, flaky network) reuses its key: one booking.
      const sig = JSON.stringify(body);
      if (!idem || idem.sig !== sig) idem = { sig, key: uid() };
      btn.disabled = true;
      btn.textContent = s.booking;
      msg.textContent = '';
      try {
        const held = await this.api.post<{ id: string }>('/v1/bookings', body, { 'Idempotency-Key': idem.key });
        const done = await this.api.post<{ status: string; slot?: { start: string }; clinician?: { name: string } }>(`/v1/bookings/${encodeURIComponent(held.id)}/confirm`, {});
        k.booked = { who: done.clinician?.name ?? slot.clinician.name, start: done.slot?.start ?? slot.start };
        this.saveConv();
        card.replaceChildren(...this.confirmation(k.booked));
        card.querySelector('h3')!.focus();
        this.emit('booking', done);
      } catch (err) {
        const ae = err as ApiError;
        if (ae.code === 'slot_taken' || ae.status === 409) {
          msg.textContent = s.slotTaken;
          slots = slots.filter((x) => x.slotId !== slot.slotId);
          selected = null;
          idem = null;
          await refresh();
        } else {
          msg.textContent = s.bookFailed;
        }
      } finally {
        btn.disabled = false;
        btn.textContent = s.book;
      }
    };

    if (slots.length) drawSlots();
    else {
      if (offer.within === 'today') lead.textContent = s.bookUrgentNone;
      void refresh();
    }
    card.append(
      h('h3', { id: g + 't' }, k.level === 'urgent' ? s.bookTitleUrgent : s.bookTitle),
      lead,
      h(
        'form',
        { novalidate: true, onsubmit: (e) => void submit(e) },
        h('fieldset', { class: 'slots' }, h('legend', { class: 'f' }, s.chooseSlot), slotsBox, slotErr),
        f.name.el,
        f.phone.el,
        f.email.el,
        h('p', null, s.contactHint),
        h('label', { class: 'ck' }, share, s.share),
        msg,
        btn,
      ),
    );
    return card;
  }

  // ---- a chat turn -------------------------------------------------------------

  async send(raw: string): Promise<void> {
    const text = raw.trim();
    if (!text || !this.consent || this.ctrl) return;
    this.input.value = '';
    this.setBusy(true);
    this.keep({ r: 'u', text });
    const wrap = h('div', { class: 'm' });
    const bubble = h('div', { class: 'b', 'aria-hidden': 'true' }, h('p', null, this.s.thinking));
    wrap.append(bubble);
    this.body.append(this.userEl(text), wrap);
    this.scroll();
    this.live.replaceChildren();
    const ctrl = (this.ctrl = new AbortController());

    const run = async (): Promise<void> => {
      let acc = '';
      let cites: Citation[] = [];
      let em: HTMLElement | null = null;
      const body = {
        message: text,
        locale: this.o.locale,
        ...(this.conv.id ? { conversationId: this.conv.id } : {}),
        ...(this.child ? { child: this.child } : {}),
      };
      try {
        await this.api.chat(
          body,
          {
            triage: (t) => {
              if (t.conversationId && t.conversationId !== this.conv.id) {
                this.conv.id = t.conversationId;
                this.saveConv();
              }
              this.emit('triage', t);
              if (t.level === 'emergency') {
                em = this.emergencyEl(t.actions ?? []);
                wrap.replaceChildren(em);
                this.scroll();
              }
            },
            delta: (d) => {
              // An emergency turn shows its fixed text in the banner only, never as an answer.
              if (em) return;
              acc += d;
              bubble.replaceChildren(...this.md(acc, cites));
              this.live.append(d);
              this.scroll(false);
            },
            citations: (c) => {
              cites = Array.isArray(c) ? c : [];
              if (!em) bubble.replaceChildren(...this.md(acc, cites));
            },
            done: (d) => this.finish(d, wrap, em),
          },
          ctrl.signal,
        );
      } catch (err) {
        if (ctrl.signal.aborted) return;
        const ae = err as ApiError;
        // A conversation the service no longer knows (expired, erased): start a new one.
        if (ae.status === 404 && body.conversationId) {
          this.conv.id = null;
          this.saveConv();
          return run();
        }
        bubble.removeAttribute('aria-hidden');
        bubble.replaceChildren(h('p', { class: 'err', role: 'alert' }, ae.code === 'network' ? this.s.network : this.s.error));
      }
    };
    try {
      await run();
    } finally {
      if (this.ctrl === ctrl) {
        this.ctrl = null;
        this.setBusy(false);
      }
    }
  }

  private finish(d: ChatDone, wrap: HTMLElement, em: HTMLElement | null): void {
    const tri = d.triage ?? { level: 'self_care', reasons: [], actions: [] };
    this.conv.id = d.conversationId || this.conv.id;
    if (tri.level === 'emergency') {
      this.keep({ r: 'e', text: d.answer, actions: tri.actions ?? [] });
      if (em) this.fillEmergency(em, tri.actions ?? [], d.answer);
      else wrap.replaceChildren(this.emergencyEl(tri.actions ?? [], d.answer));
    } else {
      const k: KeptAnswer = {
        r: 'a',
        id: d.messageId,
        text: d.answer,
        cites: Array.isArray(d.citations) ? d.citations : [],
        level: tri.level,
        reasons: tri.reasons,
        handoff: !!d.handoff?.recommended,
        offer: d.booking && Array.isArray(d.booking.slots) ? d.booking : undefined,
      };
      this.keep(k);
      wrap.replaceChildren(...this.answerParts(k));
    }
    this.scroll(false);
    this.emit('message', d);
  }
}
