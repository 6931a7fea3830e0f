// REST client for the scribe API (same origin). The clinician token lives in sessionStorage: it is
// gone when the tab closes, and it never goes into a URL the app builds.

const TOKEN_KEY = "scribe.token";
let token = null;
const unauthorizedHandlers = new Set();

export class ApiError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export function getToken() {
  if (token === null) {
    try { token = sessionStorage.getItem(TOKEN_KEY); } catch { token = null; }
  }
  return token;
}

export function setToken(value) {
  token = value || null;
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch { /* storage disabled: keep it in memory */ }
}

// The token's claims (not verified here: the server does that). {sub: clinician, tid, exp}.
export function claims(value = getToken()) {
  try {
    const part = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(part + "=".repeat((4 - (part.length % 4)) % 4)));
  } catch {
    return null;
  }
}

export function onUnauthorized(fn) { unauthorizedHandlers.add(fn); return () => unauthorizedHandlers.delete(fn); }

function headers(extra = {}) {
  const h = { Accept: "application/json", ...extra };
  const tok = getToken();
  if (tok) h.Authorization = `Bearer ${tok}`;
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
      method, headers: headers(extra), body: body === undefined ? undefined : JSON.stringify(body), signal,
      cache: "no-store", credentials: "omit",
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
  faithfulness: (id) => request("GET", `${v(id)}/faithfulness`),
  summary: (id) => request("GET", `${v(id)}/patient-summary`),
  createPatientLink: (id, ttlHours) =>
    request("POST", `${v(id)}/patient-link`, { body: ttlHours ? { ttl_hours: ttlHours } : {} }),
  revokePatientLink: (id) => request("DELETE", `${v(id)}/patient-link`),
  ask: (id, question) => request("POST", `${v(id)}/ask`, { body: { question } }),
  // One stretch of the visit's audio as a WAV blob (the route needs the Authorization header, so an
  // <audio src> cannot point at it directly).
  audio: async (id, start, end, signal) => {
    const params = new URLSearchParams({ start: Math.max(0, start).toFixed(2), end: end.toFixed(2) });
    const response = await request("GET", `${v(id)}/audio?${params}`, { raw: true, signal });
    return response.blob();
  },
};

// Server-sent events over fetch (EventSource cannot send the Authorization header).
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
