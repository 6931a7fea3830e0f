// Recording: microphone → websocket (ws/stream.js) with a level meter, pause/resume, a two-tap stop
// and a visible connection state; the live transcript beside it. After stop: progress until the note
// is ready (websocket events, then SSE if the socket is gone), then the review screen.

import { api, events, getToken } from "../api.js";
import { announce, h, setText } from "../dom.js";
import { fmtSeconds, t } from "../i18n.js";
import { Recorder } from "../ws/recorder.js";
import { AudioStream } from "../ws/stream.js";
import { AssistantPanel } from "./assistant.js";
import { TranscriptPanel } from "./transcript.js";
import { statusChip } from "./visits.js";

const STOP_CONFIRM_MS = 5000;

export class RecordView {
  constructor(visit, { reauth, onReady }) {
    this.visit = visit;
    this.reauth = reauth;
    this.onReady = onReady;
    this.recorder = null;
    this.stream = null;
    this.following = false;
    this.finished = false;
    this.lastEventId = 0;
    this.abort = new AbortController();
  }

  mount(main) {
    const v = this.visit;
    this.transcript = new TranscriptPanel({ titleKey: "live_transcript", emptyKey: "live_empty", live: true });
    this.conn = h("span", { class: "conn", dataset: { state: "idle" }, role: "status", i18n: "conn_idle" });
    this.elapsed = h("span", { class: "elapsed", dataset: { bytes: "0" } }, "0:00");
    this.lag = h("span", { class: "lag muted small", hidden: true });
    this.meterBar = h("span", { class: "meter-bar" });
    this.meter = h("span", { class: "meter", role: "meter", "aria-valuemin": "0", "aria-valuemax": "100",
                             "aria-valuenow": "0", "i18n-label": "rec_level" }, this.meterBar);
    this.message = h("p", { class: "form-error", role: "alert" });
    this.startBtn = h("button", { type: "button", class: "btn btn-primary btn-big", id: "rec-start",
                                  i18n: v.audio_bytes > 0 ? "rec_continue" : "rec_start", onclick: () => this.start() });
    this.pauseBtn = h("button", { type: "button", class: "btn btn-big", id: "rec-pause", hidden: true,
                                  "aria-pressed": "false", i18n: "rec_pause", onclick: () => this.togglePause() });
    this.stopBtn = h("button", { type: "button", class: "btn btn-danger btn-big", id: "rec-stop", hidden: true,
                                 i18n: "rec_stop", onclick: () => this.stopClicked() });
    this.progress = h("section", { class: "card progress-card", hidden: true, "aria-labelledby": "fin-title" },
      h("h2", { id: "fin-title", i18n: "fin_title" }),
      h("progress", { "i18n-label": "fin_title" }),
      h("ol", { class: "steps" },
        this.stepTranscript = h("li", { dataset: { state: "active" }, i18n: "fin_transcribing" }),
        this.stepNote = h("li", { dataset: { state: "waiting" }, i18n: "fin_documents" })),
      this.finMessage = h("p", { role: "status" }));
    this.chip = statusChip(v.status);
    main.append(
      h("div", { class: "page-head" },
        h("div", {},
          h("a", { class: "back", href: "#/visits", i18n: "back_to_visits" }),
          h("h1", {}, v.patient_ref, " ", this.chip)),
        h("div", { class: "rec-status" }, this.conn, h("span", { class: "elapsed-wrap" },
          h("span", { class: "visually-hidden", i18n: "rec_elapsed" }), this.elapsed), this.meter, this.lag)),
      this.message,
      this.progress,
      h("section", { class: "card live-card", "aria-labelledby": "live-title" },
        h("h2", { id: "live-title", i18n: "live_transcript" }), this.transcript.el),
      (this.assistant = new AssistantPanel(v.id)).el,
      h("div", { class: "action-bar" }, this.startBtn, this.pauseBtn, this.stopBtn));
    if (v.status === "finalizing") this.follow(0);
    else if (v.audio_bytes > 0) { this.loadLive(); this.assistant.load(); }
  }

  async loadLive() {
    try {
      const live = await api.liveTranscript(this.visit.id);
      for (const seg of live.segments) this.transcript.addFinal(seg);
    } catch { /* the live transcript is a convenience here */ }
  }

  busy() { return Boolean(this.stream) && !this.finished && this.stream.state !== "finalizing"; }

  // ------------------------------------------------------------------ recording

  async start() {
    this.message.textContent = "";
    this.startBtn.disabled = true;
    this.recorder = new Recorder({
      onChunk: (pcm) => this.stream && this.stream.push(pcm),
      onLevel: (rms, peak) => this.showLevel(rms, peak),
    });
    let rate;
    try {
      rate = await this.recorder.open();
    } catch (err) {
      this.recorder.close();
      this.recorder = null;
      this.startBtn.disabled = false;
      setText(this.message, "rec_mic_denied", { reason: err.message || err.name });
      this.message.append(" ", t("rec_mic_help"));
      return;
    }
    this.recorder.onEnded = () => announce(t("rec_mic_denied", { reason: "ended" }), "error");
    const resumeAt = this.visit.audio_bytes > 0 || this.visit.audio_format ? this.visit.audio_bytes : null;
    this.stream = new AudioStream({
      visitId: this.visit.id,
      token: getToken,
      sampleRate: rate,
      resumeAt,
      lastEventId: resumeAt !== null ? 0 : null,
      onEvent: (msg) => this.onEvent(msg),
      onState: (s) => this.onState(s),
    });
    this.stream.connect();
    this.startBtn.hidden = true;
    this.pauseBtn.hidden = false;
    this.stopBtn.hidden = false;
    this.setChip("streaming");
    this.keepAwake();
    this.pauseBtn.focus();
  }

  async keepAwake() {
    try { this.wakeLock = await navigator.wakeLock.request("screen"); } catch { /* not supported */ }
  }

  showLevel(rms) {
    // speech RMS is ~0.02-0.2: a log scale keeps quiet voices visible
    const level = Math.max(0, Math.min(100, Math.round((Math.log10(Math.max(rms, 1e-4)) + 3) * 50)));
    if (this.levelFrame) return;
    this.levelFrame = requestAnimationFrame(() => {
      this.levelFrame = null;
      this.meterBar.style.width = `${level}%`;
      this.meter.setAttribute("aria-valuenow", String(level));
    });
  }

  togglePause() {
    if (!this.stream) return;
    const paused = this.pauseBtn.getAttribute("aria-pressed") === "true";
    if (paused) {
      this.recorder.resume();
      this.stream.resume();
      this.pauseBtn.setAttribute("aria-pressed", "false");
      setText(this.pauseBtn, "rec_pause");
      this.setChip("streaming");
    } else {
      this.recorder.pause();
      this.stream.pause();
      this.pauseBtn.setAttribute("aria-pressed", "true");
      setText(this.pauseBtn, "rec_resume");
      this.setChip("paused");
    }
  }

  // Two taps: the first arms the button (5 s), the second stops. No modal to find with one hand.
  stopClicked() {
    if (!this.stopArmed) {
      this.stopArmed = true;
      this.stopBtn.classList.add("armed");
      this.stopBtn.dataset.armed = "true";
      setText(this.stopBtn, "rec_stop_again");
      this.disarm = setTimeout(() => {
        this.stopArmed = false;
        this.stopBtn.classList.remove("armed");
        delete this.stopBtn.dataset.armed;
        setText(this.stopBtn, "rec_stop");
      }, STOP_CONFIRM_MS);
      return;
    }
    clearTimeout(this.disarm);
    this.stop();
  }

  stop() {
    if (this.recorder) { this.recorder.close(); this.recorder = null; }
    this.meterBar.style.width = "0%";
    this.pauseBtn.hidden = true;
    this.stopBtn.hidden = true;
    this.progress.hidden = false;
    this.setChip("finalizing");
    if (this.wakeLock) this.wakeLock.release().catch(() => {});
    this.stream.stop();
    this.progress.setAttribute("tabindex", "-1");
    this.progress.focus();
  }

  setChip(status) {
    this.chip.className = `chip chip-${status}`;
    setText(this.chip, `status_${status}`);
  }

  onState({ state, detail, pendingBytes, captured, checksum }) {
    const seconds = captured / (this.stream ? this.stream.bytesPerSecond : 32000);
    this.elapsed.textContent = fmtSeconds(seconds);
    this.elapsed.dataset.bytes = String(captured);
    this.elapsed.dataset.checksum = String(checksum);
    this.elapsed.dataset.seconds = seconds.toFixed(2);
    this.conn.dataset.state = state;
    this.conn.dataset.pending = String(pendingBytes);
    const pendingSeconds = (pendingBytes / (this.stream ? this.stream.bytesPerSecond : 32000)).toFixed(0);
    if (state === "reconnecting") setText(this.conn, "conn_reconnecting", { seconds: pendingSeconds });
    else if (state === "failed") setText(this.conn, "conn_error", { reason: detail });
    else if (state === "unauthorized") {
      setText(this.conn, "conn_error", { reason: detail || "401" });
      if (!this.reauthing) {
        this.reauthing = true;
        this.reauth().then(() => { this.reauthing = false; this.stream.reauthorize(); });
      }
    } else if (state === "done" || state === "finalizing") setText(this.conn, "conn_finalizing");
    else setText(this.conn, `conn_${state}`);
    if (state === "failed") setText(this.message, "conn_error", { reason: detail });
  }

  // ------------------------------------------------------------------ server events

  onEvent(msg) {
    if (msg.event_id) this.lastEventId = Math.max(this.lastEventId, msg.event_id);
    switch (msg.type) {
      case "transcript.partial":
        if (!this.finished) this.transcript.setPartial(msg.text);
        break;
      case "transcript.final":
        this.transcript.addFinal(msg);
        break;
      case "status":
        if (typeof msg.lag === "number" && msg.state === "streaming") {
          this.lag.hidden = msg.lag < 5;
          setText(this.lag, "live_lag", { seconds: Math.round(msg.lag) });
        }
        if (msg.state === "finalizing" && this.progress.hidden) {
          this.progress.hidden = false;
          this.setChip("finalizing");
        }
        break;
      case "context.updated":
        this.assistant.update(msg);
        break;
      case "transcript.ready":
        this.transcriptReady();
        break;
      case "visit.ready":
        this.ready();
        break;
      case "error":
        if (msg.fatal && msg.code !== "unauthorized" && msg.code !== "visit_busy") {
          setText(this.finMessage, "fin_failed", { reason: msg.message });
          if (!this.progress.hidden) this.stepNote.dataset.state = "failed";
        }
        break;
      case "stream.closed":
        this.follow(this.lastEventId);
        break;
      default:
        break;
    }
  }

  async transcriptReady() {
    this.stepTranscript.dataset.state = "done";
    this.stepNote.dataset.state = "active";
    this.transcript.setPartial("");
    try {
      const tr = await api.transcript(this.visit.id);
      this.transcript.setSegments(tr.segments);
      this.transcript.scrollToEnd();
    } catch { /* shown with the note */ }
  }

  async ready() {
    if (this.finished) return;
    this.finished = true;
    this.stepTranscript.dataset.state = "done";
    this.stepNote.dataset.state = "done";
    setText(this.finMessage, "fin_ready");
    const visit = await api.visit(this.visit.id);
    if (!this.gone) this.onReady(visit);
  }

  // After stop without a websocket (it closed, or the page was reloaded): SSE, and a slow poll as a
  // safety net (a proxy that buffers SSE must not leave the clinician waiting forever).
  async follow(after) {
    if (this.following || this.finished) return;
    this.following = true;
    this.progress.hidden = false;
    this.setChip("finalizing");
    this.pollTimer = setInterval(async () => {
      try {
        const v = await api.visit(this.visit.id);
        if (v.status === "ready") this.ready();
        else if (v.status === "failed") setText(this.finMessage, "fin_failed", { reason: v.error || "" });
      } catch { /* next time */ }
    }, 4000);
    for (let attempt = 0; !this.finished && !this.gone && attempt < 30; attempt++) {
      try {
        await events(this.visit.id, { after: this.lastEventId || after, signal: this.abort.signal,
                                      onEvent: (e) => this.onEvent({ ...e.data, type: e.type }) });
      } catch (err) {
        if (err.name === "AbortError" || err.status === 401 || err.status === 404) break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  unmount() {
    this.gone = true;
    this.abort.abort();
    clearInterval(this.pollTimer);
    clearTimeout(this.disarm);
    if (this.recorder) this.recorder.close();
    if (this.stream) this.stream.close();
    if (this.wakeLock) this.wakeLock.release().catch(() => {});
  }
}
