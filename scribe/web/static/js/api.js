// REST client for the scribe API (same origin). A clinician signs in with a session cookie (httpOnly, set by
// POST /v1/session or single sign-on): requests carry it, and state-changing ones add X-CSRF-Token (the
// scribe_csrf cookie's value). The audio websocket authenticates with a short-lived token fetched from the
// session, kept in memory only. Development only (SCRIBE_DEV_TOKEN_SIGNIN): a pasted clinician token, kept in
// sessionStorage and sent as a bearer token instead.

const TOKEN_KEY = "scribe.token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
let token = null; // the development token
let wsToken = null; // session mode: the websocket's short-lived token
let wsTimer = null;
let state = { signed_in: false, user: null, dev_token_signin: false, providers: [] };
const unauthorizedHandlers = new Set();

export class ApiError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

// GET /v1/session: who is signed in on this browser, and which sign-in methods the page offers.
export async function loadSession() {
  try {
    const response = await fetch("/v1/session", { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.ok) state = await response.json();
  } catch { /* offline: the sign-in page says so when used */ }
  if (!state.dev_token_signin) setToken(null);
  if (state.signed_in) await refreshWsToken().catch(() => {});
  return state;
}

export const session = () => state;
export const signedIn = () => Boolean(state.signed_in || devToken());
// Who the header names: the account's email, or the development token's clinician.
export const who = () => (state.user ? state.user.email : (claims() || {}).sub);

function devToken() {
  if (!state.dev_token_signin) return null;
  if (token === null) {
    try { token = sessionStorage.getItem(TOKEN_KEY); } catch { token = null; }
  }
  return token;
}

// The credential of the audio websocket's auth message.
export function getToken() {
  return devToken() || wsToken;
}

export function setToken(value) {
  token = value || null;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: keep it in memory */ }
}

// A fresh websocket token from the session, renewed at half its life while the page is open.
export async function refreshWsToken() {
  clearTimeout(wsTimer);
  const issued = await request("POST", "/v1/session/token");
  wsToken = issued.token;
  const life = new Date(issued.expires_at).getTime() - Date.now();
  wsTimer = setTimeout(() => refreshWsToken().catch(() => {}), Math.max(30_000, life / 2));
  return wsToken;
}

async function signedInWith(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body), cache: "no-store",
  });
  if (!response.ok) throw await errorOf(response);
  state = await response.json();
  await refreshWsToken();
  return state;
}

export const signIn = (email, password, code) =>
  signedInWith("/v1/session", code ? { email, password, code } : { email, password });
export const acceptInvitation = (inviteToken, password) =>
  signedInWith("/v1/session/invitation", { token: inviteToken, password });

export async function signOut() {
  clearTimeout(wsTimer);
  wsToken = null;
  setToken(null);
  const hadSession = state.signed_in;
  state = { ...state, signed_in: false, user: null };
  if (hadSession) {
    try { await fetch("/v1/session", { method: "DELETE", headers: csrfHeader() }); } catch { /* offline */ }
  }
}

function csrfHeader() {
  const match = document.cookie.match(/(?:^|;\s*)scribe_csrf=([^;]+)/);
  return match ? { "X-CSRF-Token": decodeURIComponent(match[1]) } : {};
}

// The development token's claims (not verified here: the server does that). {sub: clinician, tid, exp}.
export function claims(value = devToken()) {
  try {
    const part = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(part + "=".repeat((4 - (part.length % 4)) % 4)));
  } catch {
    return null;
  }
}

export function onUnauthorized(fn) { unauthorizedHandlers.add(fn); return () => unauthorizedHandlers.delete(fn); }

function headers(method, extra = {}) {
  const h = { Accept: "application/json", ...extra };
  const tok = devToken();
  if (tok) h.Authorization = `Bearer ${tok}`;
  else if (UNSAFE.has(method)) Object.assign(h, csrfHeader());
  return h;
}

async function errorOf(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  const err = (body && body.error) || {};
  const { code, message, ...extra } = err;
  return new ApiError(response.status, code || `http_${response.status}`, message || response.statusText, extra);
}

export async function request(method, path, { body, ifMatch, signal, raw = false } = {}) {
  const extra = {};
  if (body !== undefined) extra["Content-Type"] = "application/json";
  if (ifMatch !== undefined && ifMatch !== null) extra["If-Match"] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(path, {
      method, headers: headers(method, extra), body: body === undefined ? undefined : JSON.stringify(body), signal,
      cache: "no-store", credentials: "same-origin",
    });
  } catch (exc) {
    if (exc.name === "AbortError") throw exc;
    throw new ApiError(0, "network", "network error");
  }
  if (response.status === 401) {
    const err = await errorOf(response);
    unauthorizedHandlers.forEach((fn) => fn(err));
    throw err;
  }
  if (!response.ok) throw await errorOf(response);
  if (raw) return response;
  if (response.status === 204) return null;
  const data = await response.json();
  const etag = response.headers.get("ETag");
  if (etag && data && typeof data === "object") {
    Object.defineProperty(data, "etag", { value: etag.replace(/^W\//, "").replace(/"/g, ""), enumerable: false });
  }
  return data;
}

const v = (id) => `/v1/visits/${encodeURIComponent(id)}`;

export const api = {
  listVisits: (params = {}) => request("GET", `/v1/visits?${new URLSearchParams(params)}`),
  createVisit: (body) => request("POST", "/v1/visits", { body }),
  visit: (id) => request("GET", v(id)),
  stop: (id) => request("POST", `${v(id)}/stop`),
  transcript: (id) => request("GET", `${v(id)}/transcript`),
  liveTranscript: (id) => request("GET", `${v(id)}/transcript/live`),
  note: (id) => request("GET", `${v(id)}/note`),
  patchNote: (id, sections, version) => request("PATCH", `${v(id)}/note`, { body: { sections }, ifMatch: version }),
  signNote: (id, version) => request("POST", `${v(id)}/note/sign`, { ifMatch: version }),
  amendNote: (id, sections, reason, version) =>
    request("POST", `${v(id)}/note/amend`, { body: { sections, reason }, ifMatch: version }),
  facts: (id) => request("GET", `${v(id)}/facts`),
  setSpeakers: (id, body, version) => request("PUT", `${v(id)}/speakers`, { body, ifMatch: version }),
  faithfulness: (id) => request("GET", `${v(id)}/faithfulness`),
  summary: (id) => request("GET", `${v(id)}/patient-summary`),
  createPatientLink: (id, ttlHours) =>
    request("POST", `${v(id)}/patient-link`, { body: ttlHours ? { ttl_hours: ttlHours } : {} }),
  revokePatientLink: (id) => request("DELETE", `${v(id)}/patient-link`),
  ask: (id, question) => request("POST", `${v(id)}/ask`, { body: { question } }),
  context: (id) => request("GET", `${v(id)}/context`),
  // One stretch of the visit's audio as a WAV blob (fetched, so that it works with a bearer token too).
  audio: async (id, start, end, signal) => {
    const params = new URLSearchParams({ start: Math.max(0, start).toFixed(2), end: end.toFixed(2) });
    const response = await request("GET", `${v(id)}/audio?${params}`, { raw: true, signal });
    return response.blob();
  },
};

// Server-sent events over fetch (EventSource cannot send a development token's Authorization header).
// onEvent({type, id, data}); resolves when the stream ends (visit.ready, fatal error, abort).
export async function events(visitId, { after = 0, onEvent, signal }) {
  const response = await request("GET", `${v(visitId)}/events?after=${after}`, { raw: true, signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = { type: "message", id: null, data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const i = line.indexOf(":");
        const field = i < 0 ? line : line.slice(0, i);
        const val = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
        if (field === "event") event.type = val;
        else if (field === "id") event.id = Number(val);
        else if (field === "data") event.data += (event.data ? "\n" : "") + val;
      }
      if (!event.data) continue;
      try { event.data = JSON.parse(event.data); } catch { continue; }
      onEvent(event);
    }
  }
}
