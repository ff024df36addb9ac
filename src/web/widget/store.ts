/**
 * localStorage, namespaced per publishable key and failure-proof: private browsing,
 * full quotas and blocked storage must never break the chat, only its memory.
 */
export class Store {
  constructor(private readonly ns: string) {}
  get<T>(k: string): T | null {
    try {
      const v = localStorage.getItem(this.ns + k);
      return v == null ? null : (JSON.parse(v) as T);
    } catch {
      return null;
    }
  }
  set(k: string, v: unknown): void {
    try {
      localStorage.setItem(this.ns + k, JSON.stringify(v));
    } catch {
      /* storage unavailable or full: the widget keeps working without memory */
    }
  }
  del(k: string): void {
    try {
      localStorage.removeItem(this.ns + k);
    } catch {
      /* as above */
    }
  }
}
