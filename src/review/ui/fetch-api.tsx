/** The page's calls to the review server: the token from the page, a client id per tab, goodbye on close. */

function pageToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="review-token"]');
  return meta?.content ?? new URLSearchParams(location.search).get("token") ?? "";
}

const token = pageToken();

export class ApiError extends Error {}

export async function api<T>(path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "x-review-token": token, "x-review-client": clientId };
  const init: RequestInit = { method: "GET", headers, cache: "no-store" };
  if (body !== undefined) {
    init.method = "POST";
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || data === null) throw new ApiError(data?.error ?? `${res.status} ${res.statusText}`);
  return data;
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** One id per browser tab (sessionStorage survives a reload of that tab, not a second tab). */
export const clientId: string = (() => {
  try {
    let id = sessionStorage.getItem("review-client");
    if (!id) {
      id = `tab-${randomId()}`;
      sessionStorage.setItem("review-client", id);
    }
    return id;
  } catch {
    return `tab-${randomId()}`;
  }
})();

export function stored(key: string): string | null {
  try {
    return localStorage.getItem(`review-${key}`);
  } catch {
    return null;
  }
}

export function store(key: string, value: string): void {
  try {
    localStorage.setItem(`review-${key}`, value);
  } catch {
    // private mode: settings are not kept
  }
}

/**
 * Tells the server this tab is going (closed, reloaded, navigated away), so that the next tab's undo
 * may take back this tab's decisions. A keepalive request outlives the page.
 */
export function sayByeOnClose(): () => void {
  const bye = () => {
    void fetch("/api/bye", {
      method: "POST",
      keepalive: true,
      headers: { "x-review-token": token, "content-type": "application/json" },
      body: JSON.stringify({ client: clientId }),
    }).catch(() => undefined);
  };
  window.addEventListener("pagehide", bye);
  return () => window.removeEventListener("pagehide", bye);
}
