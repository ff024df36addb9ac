/**
 * The calls the widget makes to the Nestwise API, all with the publishable key. Chat
 * streams over fetch (EventSource cannot POST); a plain JSON reply is accepted too.
 */
import { createSseParser } from './sse.js';

export interface Source {
  publisher: string;
  title: string;
  url: string;
  year?: number;
}
export interface Citation {
  docId: string;
  chunkId?: string;
  title: string;
  sources: Source[];
}
export interface Action {
  type: string;
  number?: string;
  label?: string;
  firstSteps?: string[];
  doNot?: string[];
  specialty?: string;
  within?: 'today' | 'days';
}
export interface Triage {
  conversationId?: string;
  level: 'emergency' | 'urgent' | 'routine' | 'self_care';
  reasons: { code: string; label: string }[];
  actions: Action[];
}
export interface Slot {
  slotId: string;
  start: string;
  end: string;
  clinician: { id: string; name: string; specialty?: string };
}
export interface Offer {
  specialty: string;
  within: 'today' | 'days';
  slots: Slot[];
}
export interface ChatDone {
  conversationId: string;
  messageId: string;
  answer: string;
  citations: Citation[];
  triage: Triage;
  booking?: Offer;
  sentiment?: { label: string; distress: boolean };
  handoff?: { recommended: boolean; reason?: string };
  stage?: string | null;
  mode?: string;
}
export interface ChatHandlers {
  triage(t: Triage): void;
  delta(text: string): void;
  citations(c: Citation[]): void;
  done(d: ChatDone): void;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

export class Api {
  constructor(
    private readonly base: string,
    private readonly key: string,
  ) {}

  async req(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        ...init,
        mode: 'cors',
        credentials: 'omit',
        // Same-origin GETs carry no Origin header; the Referer (origin only across sites)
        // is how the service recognises its own pages, whatever the host page's policy.
        referrerPolicy: 'strict-origin-when-cross-origin',
        headers: { Authorization: `Bearer ${this.key}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError(0, 'network', String(err));
    }
    if (!res.ok) {
      let p: { code?: string; detail?: string } = {};
      try {
        p = await res.json();
      } catch {
        /* not problem+json */
      }
      throw new ApiError(res.status, p.code ?? `http_${res.status}`, p.detail ?? res.statusText);
    }
    return res;
  }

  async json<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await this.req(path, init);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return this.json<T>(path, { method: 'POST', body: JSON.stringify(body), headers });
  }

  async chat(body: unknown, on: ChatHandlers, signal: AbortSignal): Promise<void> {
    const res = await this.req('/v1/chat', { method: 'POST', body: JSON.stringify(body), headers: { Accept: 'text/event-stream' }, signal });
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      const d = (await res.json()) as ChatDone;
      on.triage({ ...d.triage, conversationId: d.conversationId });
      on.delta(d.answer);
      on.citations(d.citations);
      on.done(d);
      return;
    }
    let finished = false;
    let failure: ApiError | null = null;
    const parser = createSseParser(({ event, data }) => {
      let d: Record<string, unknown>;
      try {
        d = JSON.parse(data);
      } catch {
        return;
      }
      if (event === 'triage') on.triage(d as unknown as Triage);
      else if (event === 'delta') on.delta(String(d.text ?? ''));
      else if (event === 'citations') on.citations((d.citations as Citation[]) ?? []);
      else if (event === 'done') {
        finished = true;
        on.done(d as unknown as ChatDone);
      }
      else if (event === 'error') failure = new ApiError(Number(d.status) || 500, String(d.code ?? 'internal'), String(d.detail ?? ''));
    });
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(dec.decode(value, { stream: true }));
    }
    // An event cut off by the end of the stream is dropped, as the SSE rules say.
    parser.push(dec.decode());
    if (failure) throw failure;
    if (!finished) throw new ApiError(0, 'network', 'The answer stream ended early.');
  }
}
