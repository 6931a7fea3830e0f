// The live audio protocol (docs/protocol.md) for the browser: auth as the first message, start or
// resume, 12-byte-header binary frames, acks. Every byte not yet acknowledged stays in `pending`; after
// a drop the stream reconnects with backoff, sends `resume {offset: last ack}` and resends from the
// offset the server answers with, so a network drop loses no audio. Durable events missed while
// disconnected are replayed with `last_event_id`.
//
// States: idle → connecting → streaming ⇄ paused; reconnecting after a drop; flushing (stop asked,
// audio still unacknowledged); finalizing (stop sent); done (visit.ready); failed; unauthorized.

const FRAME_BYTES = 8000; // 250 ms of 16 kHz mono s16le per binary frame
const SILENT_AFTER_MS = 7000; // the server sends status every 2 s: longer silence means a dead link
const BACKOFF_MS = [300, 1000, 2000, 3000, 5000];
const FATAL_CLOSE = new Set([4404, 4422]);

function frame(seq, offset, bytes) {
  const out = new Uint8Array(12 + bytes.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, seq >>> 0);
  view.setBigUint64(4, BigInt(offset));
  out.set(bytes, 12);
  return out.buffer;
}

export class AudioStream {
  /**
   * visitId; token(): the current clinician token; sampleRate;
   * resumeAt: null for a new visit, or the server's audio_bytes to continue an existing stream;
   * onEvent(message) for server events; onState({state, detail, pendingBytes, captured, acked, checksum}).
   */
  constructor({ visitId, token, sampleRate = 16000, resumeAt = null, lastEventId = null, onEvent, onState }) {
    this.visitId = visitId;
    this.token = token;
    this.sampleRate = sampleRate;
    this.onEvent = onEvent || (() => {});
    this.onStateChange = onState || (() => {});
    this.started = resumeAt !== null; // the server has a stream: resume, never start
    this.acked = resumeAt || 0;
    this.next = resumeAt || 0; // offset of the next captured byte
    // Adler-32 of the bytes this page captured (zlib.adler32 computes the same): lets an end-to-end
    // test prove that the server stored exactly them, whatever the microphone delivered.
    this.adlerA = 1;
    this.adlerB = 0;
    this.pending = []; // [{offset, bytes: Uint8Array}] not yet acknowledged, in offset order
    this.staging = []; // captured chunks not yet cut into a frame
    this.stagingBytes = 0;
    this.seq = 0;
    this.lastEventId = lastEventId;
    this.ws = null;
    this.ready = false; // handshake done on the current connection
    this.wantPause = false;
    this.stopRequested = false;
    this.stopSent = false;
    this.closedByUs = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.lastMessageAt = 0;
    this.resyncAt = -1;
    this.state = "idle";
    this.detail = "";
    this.watchdog = setInterval(() => this.checkAlive(), 1000);
    this.onOffline = () => { if (this.ws) this.drop("offline"); };
    this.onOnline = () => { if (!this.ws && this.retryTimer) { clearTimeout(this.retryTimer); this.connect(); } };
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  get bytesPerSecond() { return this.sampleRate * 2; }
  get pendingBytes() { return this.next - this.acked; }
  get capturedBytes() { return this.next; }

  setState(state, detail = "") {
    this.state = state;
    this.detail = detail;
    this.report();
  }

  report() {
    this.onStateChange({ state: this.state, detail: this.detail, pendingBytes: this.pendingBytes,
                         captured: this.next, acked: this.acked,
                         checksum: (this.adlerB * 65536 + this.adlerA) >>> 0 });
  }

  // ------------------------------------------------------------------ connection

  url() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    return `${scheme}://${location.host}/v1/visits/${encodeURIComponent(this.visitId)}/audio`;
  }

  connect() {
    this.retryTimer = null;
    if (this.closedByUs || this.ws) return;
    this.ready = false;
    this.setState(this.attempt === 0 && !this.started ? "connecting" : "reconnecting");
    const ws = new WebSocket(this.url());
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    this.lastMessageAt = Date.now();
    ws.onopen = () => {
      if (this.ws !== ws) return;
      ws.send(JSON.stringify({ type: "auth", token: this.token() }));
      this.handshake();
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws) return;
      this.lastMessageAt = Date.now();
      if (typeof e.data !== "string") return;
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      this.onMessage(msg);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.ready = false;
      this.onClosed(e.code, e.reason);
    };
    ws.onerror = () => {}; // a close event follows
  }

  handshake() {
    const msg = this.started
      ? { type: "resume", offset: this.acked }
      : { type: "start", format: "pcm_s16le", sample_rate: this.sampleRate, channels: 1 };
    if (this.lastEventId !== null) msg.last_event_id = this.lastEventId;
    this.sendJson(msg);
  }

  sendJson(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  // A link that stopped answering (or the browser went offline): close it and reconnect.
  drop(reason) {
    const ws = this.ws;
    if (!ws) return;
    this.ws = null;
    this.ready = false;
    try { ws.close(4000, reason); } catch { /* already closing */ }
    this.onClosed(1006, reason);
  }

  checkAlive() {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && !this.stopSent &&
        Date.now() - this.lastMessageAt > SILENT_AFTER_MS) {
      this.drop("no answer from the server");
    }
    if (this.state === "reconnecting" || this.state === "streaming" || this.state === "flushing") this.report();
  }

  onClosed(code, reason) {
    if (this.closedByUs) return;
    if (this.state === "done") return;
    if (this.stopSent) {
      // Stop reached the server (or may have): the page follows the visit over SSE from here.
      this.setState("finalizing");
      this.onEvent({ type: "stream.closed", code });
      return;
    }
    if (FATAL_CLOSE.has(code)) {
      this.setState("failed", reason || String(code));
      return;
    }
    if (code === 4401) {
      this.setState("unauthorized", reason);
      return; // reauthorize() reconnects with a new token
    }
    if (code === 4409 && /stopped|ready|finalizing|failed/.test(reason || "")) {
      this.stopSent = true;
      this.setState("finalizing");
      this.onEvent({ type: "stream.closed", code });
      return;
    }
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    if (this.closedByUs || this.retryTimer) return;
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.setState("reconnecting");
    this.retryTimer = setTimeout(() => this.connect(), navigator.onLine === false ? Math.max(delay, 2000) : delay);
  }

  reauthorize() {
    if (this.state === "unauthorized") {
      this.attempt = 0;
      this.connect();
    }
  }

  // ------------------------------------------------------------------ messages

  onMessage(msg) {
    if (msg.event_id !== undefined && msg.event_id !== null) {
      this.lastEventId = Math.max(this.lastEventId || 0, msg.event_id);
    }
    switch (msg.type) {
      case "ack":
        if (msg.seq === null || msg.seq === undefined) this.onHandshake(msg.offset);
        else this.onAck(msg.offset);
        return;
      case "error":
        this.onError(msg);
        break;
      case "visit.ready":
        this.setState("done");
        break;
      default:
        break;
    }
    this.onEvent(msg);
  }

  onHandshake(offset) {
    this.started = true;
    this.ready = true;
    this.attempt = 0;
    this.resyncAt = -1;
    this.acknowledge(offset);
    if (this.pending.length === 0 && this.next < offset) this.next = offset;
    this.sendPendingFrom(offset);
    if (this.wantPause) {
      this.sendJson({ type: "pause" });
      this.setState("paused");
    } else {
      this.setState(this.stopRequested ? "flushing" : "streaming");
    }
    this.maybeStop();
  }

  onAck(offset) {
    this.acknowledge(offset);
    this.maybeStop();
    this.report();
  }

  acknowledge(offset) {
    if (offset > this.acked) this.acked = offset;
    while (this.pending.length && this.pending[0].offset + this.pending[0].bytes.byteLength <= this.acked) {
      this.pending.shift();
    }
  }

  onError(msg) {
    const code = msg.code;
    if (code === "already_started") {
      // The visit already has audio (an earlier connection of this page): continue it.
      this.started = true;
      this.sendJson({ type: "resume", offset: msg.expected_offset ?? this.acked });
    } else if (code === "not_started") {
      if (!this.ready) {
        this.started = false;
        this.handshake();
      }
    } else if (code === "unacknowledged_offset" || code === "bad_offset") {
      const expected = msg.expected_offset;
      if (expected === null || expected === undefined) return;
      if (!this.ready) {
        this.sendJson({ type: "resume", offset: expected });
      } else if (expected !== this.resyncAt) {
        this.resyncAt = expected;
        this.acknowledge(expected);
        this.sendPendingFrom(expected);
      }
    } else if (code === "already_stopped") {
      this.stopSent = true;
      this.setState("finalizing");
    } else if (code === "not_found" || code === "consent_required") {
      this.setState("failed", msg.message || code);
    }
  }

  // ------------------------------------------------------------------ audio

  push(buffer) {
    if (this.stopRequested || this.closedByUs) return;
    const bytes = new Uint8Array(buffer);
    this.staging.push(bytes);
    this.stagingBytes += bytes.byteLength;
    if (this.stagingBytes >= FRAME_BYTES) this.cut();
  }

  cut() {
    if (!this.stagingBytes) return;
    const bytes = new Uint8Array(this.stagingBytes);
    let at = 0;
    for (const part of this.staging) { bytes.set(part, at); at += part.byteLength; }
    this.staging = [];
    this.stagingBytes = 0;
    const chunk = { offset: this.next, bytes };
    this.next += bytes.byteLength;
    for (let i = 0; i < bytes.length; i++) {
      this.adlerA = (this.adlerA + bytes[i]) % 65521;
      this.adlerB = (this.adlerB + this.adlerA) % 65521;
    }
    this.pending.push(chunk);
    if (this.ready && !this.wantPause) this.sendChunk(chunk, chunk.offset);
    this.report();
  }

  sendChunk(chunk, from) {
    const skip = from - chunk.offset;
    const bytes = skip > 0 ? chunk.bytes.subarray(skip) : chunk.bytes;
    if (!bytes.byteLength || !this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(frame(this.seq, from, bytes));
    this.seq = (this.seq + 1) >>> 0;
  }

  sendPendingFrom(offset) {
    for (const chunk of this.pending) {
      const end = chunk.offset + chunk.bytes.byteLength;
      if (end <= offset) continue;
      this.sendChunk(chunk, Math.max(offset, chunk.offset));
    }
  }

  pause() {
    this.cut();
    this.wantPause = true;
    if (this.ready) this.sendJson({ type: "pause" });
    this.setState(this.ws ? "paused" : "reconnecting");
  }

  resume() {
    this.wantPause = false;
    if (this.ready) this.sendJson({ type: "resume" }); // the server answers with a handshake ack
    else this.setState("reconnecting");
  }

  // Stop once every captured byte is acknowledged (it may wait for a reconnection).
  stop() {
    this.cut();
    this.stopRequested = true;
    this.wantPause = false;
    if (this.ready && this.state === "paused") this.sendJson({ type: "resume" });
    this.setState(this.ready ? "flushing" : "reconnecting");
    this.maybeStop();
  }

  maybeStop() {
    if (!this.stopRequested || this.stopSent || !this.ready || this.pendingBytes > 0) return;
    this.stopSent = true;
    this.sendJson({ type: "stop" });
    this.setState("finalizing");
  }

  close() {
    this.closedByUs = true;
    clearInterval(this.watchdog);
    clearTimeout(this.retryTimer);
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    if (this.ws) {
      try { this.ws.close(1000, "page closed"); } catch { /* closing */ }
    }
    this.ws = null;
  }
}
