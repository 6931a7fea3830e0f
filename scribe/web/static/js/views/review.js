// Review after the visit: the note by section (each sentence links to its evidence: click → the quote is
// highlighted in the transcript and that stretch of audio plays), flagged sentences marked, facts
// beside it, inline edit / save (versions, If-Match) / sign / amend, the patient summary with its
// private link, and a question box over the visit.

import { api, ApiError } from "../api.js";
import { announce, append, clear, h, newId, setText } from "../dom.js";
import { fmtDateTime, fmtSeconds, t, tIn } from "../i18n.js";
import { SpeakersBar } from "./speakers.js";
import { TranscriptPanel } from "./transcript.js";
import { statusChip } from "./visits.js";

const MAX_CLIP_SECONDS = 30;

// Two taps for a consequential action (sign): the first arms the button for 5 s.
function twoStep(button, labelKey, armedKey, action) {
  let timer = null;
  button.addEventListener("click", () => {
    if (!button.dataset.armed) {
      button.dataset.armed = "true";
      setText(button, armedKey);
      timer = setTimeout(() => { delete button.dataset.armed; setText(button, labelKey); }, 5000);
      return;
    }
    clearTimeout(timer);
    delete button.dataset.armed;
    setText(button, labelKey);
    action();
  });
}

// "clinician:dr-martin" → "dr-martin" (actors are stored with their kind)
function actor(value) { return String(value || "").replace(/^clinician:/, ""); }

function sectionName(section) { return section.key || section.name || section.title; }
function sectionTitle(section) { return section.title || section.name || section.key; }
function sectionText(section) {
  if (typeof section.text === "string" && !(section.sentences || []).length) return section.text;
  return (section.sentences || []).map((s) => s.text).join("\n");
}

// ------------------------------------------------------------------ audio for evidence

class EvidencePlayer {
  constructor(visitId) {
    this.visitId = visitId;
    this.audio = h("audio", { class: "player", controls: true, preload: "auto", "i18n-label": "play_evidence",
                              dataset: { state: "idle" } });
    this.audio.addEventListener("ended", () => { this.audio.dataset.state = "ended"; });
    this.audio.addEventListener("playing", () => { this.audio.dataset.state = "playing"; });
    this.note = h("p", { class: "muted small", role: "status" });
    this.el = h("div", { class: "player-wrap" }, this.audio, this.note);
    this.url = null;
    this.abort = null;
  }

  async play(start, end) {
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    const from = Math.max(0, start - 0.3);
    const to = Math.min(end + 0.3, from + MAX_CLIP_SECONDS);
    this.audio.dataset.state = "loading";
    this.note.textContent = "";
    try {
      const blob = await api.audio(this.visitId, from, to, this.abort.signal);
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = URL.createObjectURL(blob);
      this.audio.src = this.url;
      this.audio.dataset.start = from.toFixed(2);
      this.audio.dataset.end = to.toFixed(2);
      this.audio.dataset.state = "loaded";
      await this.audio.play();
    } catch (err) {
      if (err.name === "AbortError") return;
      if (err instanceof ApiError && (err.status === 404 || err.status === 410)) {
        this.audio.dataset.state = "unavailable";
        setText(this.note, "audio_unavailable");
      } else if (this.audio.dataset.state !== "loaded") {
        this.audio.dataset.state = "error";
      }
      // a refused autoplay leaves the clip loaded: the controls play it
    }
  }

  close() {
    if (this.abort) this.abort.abort();
    if (this.url) URL.revokeObjectURL(this.url);
  }
}

function clipOf(evidence) {
  if (!evidence || !evidence.length) return null;
  const first = evidence[0];
  const same = evidence.filter((e) => e.segment_id === first.segment_id);
  return [Math.min(...same.map((e) => e.start)), Math.max(...same.map((e) => e.end))];
}

// ------------------------------------------------------------------ the view

export class ReviewView {
  constructor(visit) {
    this.visit = visit;
    this.note = null; // {version, status, author, created_at, note}
    this.facts = [];
    this.editing = new Map(); // section name → textarea
    this.selected = null;
  }

  mount(main) {
    const v = this.visit;
    this.player = new EvidencePlayer(v.id);
    this.transcript = new TranscriptPanel({ titleKey: "transcript_title", emptyKey: "transcript_empty" });
    this.speakers = new SpeakersBar(v.id, { onChange: () => { this.editing.clear(); return this.load(); },
                                            noteVersion: () => (this.note ? this.note.version : null) });
    this.noteBody = h("div", { class: "note-body", "aria-busy": "true" }, h("p", { class: "muted", i18n: "loading" }));
    this.noteMeta = h("p", { class: "note-meta muted" });
    this.noteActions = h("div", { class: "actions note-actions" });
    this.noteMessage = h("div", { class: "note-message", role: "status" });
    this.factsBody = h("div", { class: "facts-body" }, h("p", { class: "muted", i18n: "loading" }));
    this.summaryBody = h("div", { class: "summary-body" }, h("p", { class: "muted", i18n: "loading" }));
    this.linkBody = h("div", { class: "link-body" });
    this.askResult = h("div", { class: "ask-result", role: "status", "aria-live": "polite" });
    this.chip = statusChip(v.status);
    append(main, [
      h("div", { class: "page-head" },
        h("div", {},
          h("a", { class: "back", href: "#/visits", i18n: "back_to_visits" }),
          h("h1", {}, v.patient_ref, " ", this.chip)),
        h("p", { class: "muted" }, fmtDateTime(v.created_at), v.audio_seconds ? ` · ${fmtSeconds(v.audio_seconds)}` : "")),
      v.status === "failed" ? h("p", { class: "form-error", role: "alert", i18n: ["fin_failed", { reason: v.error || "" }] }) : null,
      h("div", { class: "review-grid" },
        h("section", { class: "card note-card", "aria-labelledby": "note-title" },
          h("div", { class: "card-head" },
            h("div", {}, h("h2", { id: "note-title", i18n: "note_title" }), this.noteMeta),
            this.noteActions),
          this.noteMessage,
          h("p", { class: "muted small hint", i18n: "note_sentence_help" }),
          this.noteBody),
        h("div", { class: "side" },
          h("section", { class: "card facts-card", "aria-labelledby": "facts-title" },
            h("h2", { id: "facts-title", i18n: "facts_title" }), this.factsBody),
          h("section", { class: "card transcript-card", "aria-labelledby": "tr-title" },
            h("h2", { id: "tr-title", i18n: "transcript_title" }), this.speakers.el, this.player.el,
            this.transcript.el))),
      h("div", { class: "review-grid lower" },
        h("section", { class: "card summary-card", "aria-labelledby": "summary-title" },
          h("h2", { id: "summary-title", i18n: "summary_title" }), this.summaryBody,
          h("h3", { i18n: "link_title" }), h("p", { class: "muted small", i18n: "link_help" }), this.linkBody),
        this.askCard())]);
    this.renderLink(null);
    this.load();
  }

  async load() {
    const id = this.visit.id;
    const [note, facts, transcript, summary] = await Promise.allSettled([
      api.note(id), api.facts(id), api.transcript(id), api.summary(id)]);
    if (this.gone) return;
    if (transcript.status === "fulfilled") this.transcript.setSegments(transcript.value.segments || []);
    if (transcript.status === "fulfilled") this.speakers.set(transcript.value);
    if (facts.status === "fulfilled") this.facts = facts.value || [];
    this.renderFacts(facts.status === "fulfilled" ? null : facts.reason);
    if (note.status === "fulfilled") { this.note = note.value; this.renderNote(); }
    else this.noteError(note.reason);
    this.renderSummary(summary.status === "fulfilled" ? summary.value : null);
  }

  async reloadNote() {
    try {
      this.note = await api.note(this.visit.id);
      this.editing.clear();
      this.renderNote();
    } catch (err) { this.noteError(err); }
  }

  noteError(err) {
    clear(this.noteBody);
    this.noteBody.setAttribute("aria-busy", "false");
    this.noteBody.append(h("p", { class: "form-error", i18n: err && err.code === "not_ready" ? "note_not_ready"
      : ["error_generic", { reason: err ? err.message : "" }] }));
  }

  // ------------------------------------------------------------------ note

  get signed() { return this.note && this.note.status === "signed"; }

  renderNote() {
    const doc = this.note;
    const note = doc.note || {};
    this.noteBody.setAttribute("aria-busy", "false");
    clear(this.noteMeta);
    this.noteMeta.append(
      h("span", { class: `chip chip-${doc.status}`, i18n: `status_${doc.status}` }), " ",
      h("span", { i18n: ["note_version", { version: doc.version }] }),
      doc.author ? h("span", {}, " · ", h("span", { i18n: ["note_by", { author: actor(doc.author) }] })) : null);
    this.noteMeta.dataset.version = String(doc.version);
    this.noteMeta.dataset.status = doc.status;
    clear(this.noteActions);
    if (this.signed) {
      const who = actor(doc.signed_by || this.signedBy || doc.author);
      const at = doc.signed_at || this.signedAt || doc.created_at;
      clear(this.noteMessage);
      this.noteMessage.append(h("p", { class: "signed-banner", i18n: ["signed_info", { who, at: fmtDateTime(at) }] }));
    } else {
      const sign = h("button", { type: "button", class: "btn btn-primary", id: "sign-note", i18n: "sign" });
      twoStep(sign, "sign", "sign_confirm", () => this.sign(sign));
      this.noteActions.append(sign);
    }
    clear(this.noteBody);
    const flagged = (note.sections || []).reduce(
      (n, s) => n + (s.sentences || []).filter((x) => x.status === "flagged").length, 0);
    if (flagged) this.noteBody.append(h("p", { class: "flag-summary" }, "⚠ ", h("span", { i18n: "note_flagged_short" }), ` (${flagged})`));
    for (const section of note.sections || []) this.noteBody.append(this.sectionEl(section));
  }

  sectionEl(section) {
    const name = sectionName(section);
    const headingId = newId("sec");
    const body = h("div", { class: "section-body" });
    const editBtn = h("button", { type: "button", class: "btn btn-small", dataset: { section: name },
                                  i18n: this.signed ? "amend" : "edit",
                                  onclick: () => this.edit(section, body, editBtn) });
    editBtn.setAttribute("aria-describedby", headingId);
    const el = h("section", { class: "note-section", dataset: { section: name }, "aria-labelledby": headingId },
      h("div", { class: "section-head" }, h("h3", { id: headingId }, sectionTitle(section)), editBtn), body);
    this.fillSection(section, body);
    return el;
  }

  fillSection(section, body) {
    clear(body);
    if (typeof section.text === "string" && !(section.sentences || []).length) { // free text (older servers)
      for (const line of section.text.split("\n")) if (line.trim()) body.append(h("p", { class: "edited-text" }, line));
    }
    if (section.edited_by || section.edited) {
      body.append(h("p", { class: "edited-badge" }, h("span", { class: "chip chip-edited", i18n: "note_edited" }),
        section.edited_at ? h("span", { class: "muted small" }, ` ${actor(section.edited_by)} · ${fmtDateTime(section.edited_at)}`) : null));
    }
    const list = h("ul", { class: "sentences" });
    for (const sentence of section.sentences || []) list.append(this.sentenceEl(sentence));
    body.append(list);
  }

  sentenceEl(sentence) {
    const flagged = sentence.status === "flagged";
    const detailId = newId("ev");
    const detail = h("div", { id: detailId, class: "evidence-detail", hidden: true });
    const button = h("button", { type: "button", class: `sentence${flagged ? " flagged" : ""}`,
                                 "aria-expanded": "false", "aria-controls": detailId,
                                 dataset: { facts: (sentence.fact_ids || []).join(" ") } },
      flagged ? h("span", { class: "flag", "i18n-title": ["note_flagged", { issues: (sentence.issues || []).join("; ") }] },
        "⚠ ", h("span", { class: "visually-hidden", i18n: "note_flagged_short" })) : null,
      sentence.text);
    button.addEventListener("click", () => this.select(button, detail, sentence.evidence || [], sentence));
    return h("li", {}, button, detail);
  }

  select(button, detail, evidence, sentence = null) {
    const again = this.selected && this.selected.button === button;
    if (this.selected) {
      this.selected.button.setAttribute("aria-expanded", "false");
      this.selected.button.classList.remove("selected");
      this.selected.detail.hidden = true;
    }
    this.transcript.clearHighlight();
    if (again) { this.selected = null; return; }
    this.selected = { button, detail };
    button.setAttribute("aria-expanded", "true");
    button.classList.add("selected");
    clear(detail);
    if (sentence && sentence.status === "flagged") {
      detail.append(h("p", { class: "flag-detail", i18n: ["note_flagged", { issues: (sentence.issues || []).join("; ") }] }));
    }
    if (!evidence.length) {
      detail.append(h("p", { class: "muted small", i18n: "note_no_evidence" }));
    } else {
      const list = h("ul", { class: "quotes" });
      for (const ev of evidence) {
        list.append(h("li", {},
          h("span", { class: `role role-${ev.role}`, i18n: `role_${["clinician", "patient", "other"].includes(ev.role) ? ev.role : "unknown"}` }),
          " ", h("q", {}, ev.quote), " ",
          h("button", { type: "button", class: "btn btn-small btn-quiet", "i18n-label": "play_evidence",
                        onclick: () => this.player.play(ev.start, ev.end) }, `▶ ${fmtSeconds(ev.start)}`)));
      }
      detail.append(list);
    }
    detail.hidden = false;
    this.transcript.highlight(evidence);
    const clip = clipOf(evidence);
    if (clip) this.player.play(clip[0], clip[1]);
  }

  edit(section, body, editBtn) {
    const name = sectionName(section);
    if (this.editing.has(name)) { this.editing.get(name).focus(); return; }
    const amend = this.signed;
    const id = newId("edit");
    const area = h("textarea", { id, class: "input editor", rows: String(Math.max(3, sectionText(section).split("\n").length + 1)) });
    area.value = sectionText(section);
    const reasonId = newId("reason");
    const reason = amend ? h("input", { id: reasonId, class: "input", required: true, autocomplete: "off" }) : null;
    const error = h("p", { class: "form-error", role: "alert" });
    const save = h("button", { type: "submit", class: "btn btn-primary", i18n: amend ? "amend_save" : "save" });
    const form = h("form", { class: "section-editor", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      if (amend && !reason.value.trim()) { setText(error, "amend_reason_required"); reason.focus(); return; }
      save.disabled = true;
      setText(save, "saving");
      try {
        const res = amend
          ? await api.amendNote(this.visit.id, { [name]: area.value }, reason.value.trim(), this.note.version)
          : await api.patchNote(this.visit.id, { [name]: area.value }, this.note.version);
        announce(t("saved", { version: res.version }));
        this.editing.delete(name);
        await this.reloadNote();
      } catch (err) {
        save.disabled = false;
        setText(save, amend ? "amend_save" : "save");
        if (err.code === "version_conflict") {
          clear(error);
          error.append(h("span", { i18n: ["conflict", { version: err.extra.version ?? "?" }] }), " ",
            h("button", { type: "button", class: "btn btn-small", i18n: "reload", onclick: () => this.reloadNote() }));
        } else if (err.code === "note_signed") {
          setText(error, "note_signed_error");
        } else if (err.status !== 401) {
          setText(error, "error_generic", { reason: err.message });
        }
      }
    } },
    h("label", { for: id, i18n: ["section_text", { section: sectionTitle(section) }] }),
    area,
    amend ? h("label", { for: reasonId, i18n: "amend_reason" }) : null,
    reason,
    error,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "btn", i18n: "cancel", onclick: () => {
        this.editing.delete(name);
        editBtn.hidden = false;
        this.fillSection(section, body);
        editBtn.focus();
      } }),
      save));
    clear(body);
    body.append(form);
    editBtn.hidden = true;
    this.editing.set(name, area);
    area.focus();
  }

  async sign(button) {
    button.disabled = true;
    setText(button, "signing");
    try {
      const res = await api.signNote(this.visit.id, this.note.version);
      this.signedBy = res.signed_by;
      this.signedAt = res.signed_at;
      await this.reloadNote();
    } catch (err) {
      button.disabled = false;
      setText(button, "sign");
      clear(this.noteMessage);
      if (err.code === "version_conflict") {
        this.noteMessage.append(h("p", { class: "form-error" }, h("span", { i18n: ["conflict", { version: err.extra.version ?? "?" }] }), " ",
          h("button", { type: "button", class: "btn btn-small", i18n: "reload", onclick: () => this.reloadNote() })));
      } else if (err.status !== 401) {
        this.noteMessage.append(h("p", { class: "form-error", i18n: ["error_generic", { reason: err.message }] }));
      }
    }
  }

  // ------------------------------------------------------------------ facts

  renderFacts(error) {
    clear(this.factsBody);
    if (error) { this.factsBody.append(h("p", { class: "muted", i18n: ["error_generic", { reason: error.message }] })); return; }
    const by = (kinds) => this.facts.filter((f) => kinds.includes(f.kind));
    const group = (key, facts, describe, emptyKey = "facts_none") => {
      const list = h("ul", { class: "fact-list", dataset: { group: key } });
      for (const f of facts) {
        list.append(h("li", {}, h("button", { type: "button", class: "fact", dataset: { fact: f.id },
          onclick: (e) => this.select(e.currentTarget, detailFor(e.currentTarget), f.evidence || []) }, describe(f))));
      }
      if (!facts.length) list.append(h("li", { class: "muted", i18n: emptyKey }));
      return h("div", { class: "fact-group" }, h("h3", { i18n: key }), list);
    };
    const detailFor = (button) => {
      let detail = button.nextElementSibling;
      if (!detail) { detail = h("div", { class: "evidence-detail", hidden: true }); button.after(detail); }
      return detail;
    };
    const meds = by(["medication"]);
    const allergies = by(["allergy"]);
    const problems = by(["assessment", "past_medical"]);
    this.factsBody.append(
      group("facts_medications", meds, (f) => {
        const a = f.attributes || {};
        const dose = [a.dose && `${a.dose}${a.unit ? ` ${a.unit}` : ""}`, a.frequency, a.route].filter(Boolean).join(", ");
        return [h("strong", {}, f.label), dose ? ` — ${dose}` : "",
                f.status && f.status !== "current" ? h("span", { class: "chip chip-small" }, f.status) : null];
      }),
      group("facts_allergies", allergies, (f) => (f.status === "none"
        ? h("span", { i18n: "facts_no_allergy" })
        : [h("strong", {}, f.label), f.value ? ` — ${f.value}` : ""])),
      group("facts_problems", problems, (f) => {
        const a = f.attributes || {};
        return [h("strong", {}, f.label),
                a.code ? h("span", { class: "code", title: a.code_description || "" }, ` ${a.code}`) : null,
                f.kind === "past_medical" ? h("span", { class: "chip chip-small" }, "hx") : null,
                f.status === "uncertain" ? " ?" : ""];
      }));
  }

  // ------------------------------------------------------------------ patient summary and link

  renderSummary(summary) {
    clear(this.summaryBody);
    if (!summary) { this.summaryBody.append(h("p", { class: "muted", i18n: "summary_empty" })); return; }
    const lang = summary.language || "en";
    const box = h("div", { class: "summary-preview", lang });
    const parts = [["found", "summary_found"], ["todo", "summary_todo"], ["medications", "summary_medications"],
                   ["warning_signs", "summary_warning"], ["follow_up", "summary_follow_up"]];
    let any = false;
    for (const [field, key] of parts) {
      const items = summary[field] || [];
      if (!items.length) continue;
      any = true;
      box.append(h("h4", {}, tIn(lang, key)), h("ul", {}, items.map((i) => h("li", {}, i.text))));
    }
    if (!any) box.append(h("p", { class: "muted", i18n: "summary_empty" }));
    this.summaryBody.append(box);
  }

  renderLink(link) {
    clear(this.linkBody);
    this.link = link;
    if (!link) {
      this.linkBody.append(h("button", { type: "button", class: "btn", id: "link-create", i18n: "link_create",
                                         onclick: (e) => this.createLink(e.currentTarget) }));
      return;
    }
    const url = new URL(link.url, location.origin).href;
    const id = newId("link");
    const input = h("input", { id, class: "input link-url", readonly: true, value: url });
    input.addEventListener("focus", () => input.select());
    this.linkBody.append(
      h("label", { for: id, class: "visually-hidden", i18n: "link_title" }), input,
      link.expires_at ? h("p", { class: "muted small", i18n: ["link_expires", { at: fmtDateTime(link.expires_at) }] }) : null,
      h("div", { class: "actions" },
        h("button", { type: "button", class: "btn", id: "link-copy", i18n: "link_copy", onclick: () => this.copy(input) }),
        h("button", { type: "button", class: "btn btn-danger-quiet", id: "link-revoke", i18n: "link_revoke",
                      onclick: (e) => this.revokeLink(e.currentTarget) })));
  }

  async createLink(button) {
    button.disabled = true;
    try {
      this.renderLink(await api.createPatientLink(this.visit.id));
      this.linkBody.querySelector("input").focus();
    } catch (err) {
      button.disabled = false;
      if (err.status !== 401) announce(t("error_generic", { reason: err.message }), "error");
    }
  }

  async copy(input) {
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      document.execCommand && document.execCommand("copy");
    }
    announce(t("link_copied"));
  }

  async revokeLink(button) {
    button.disabled = true;
    try {
      await api.revokePatientLink(this.visit.id);
      this.renderLink(null);
      announce(t("link_revoked"));
      this.linkBody.querySelector("button").focus();
    } catch (err) {
      button.disabled = false;
      if (err.status !== 401) announce(t("error_generic", { reason: err.message }), "error");
    }
  }

  // ------------------------------------------------------------------ questions

  askCard() {
    const input = h("input", { id: "ask-input", class: "input", autocomplete: "off", maxlength: "2000",
                               "i18n-placeholder": "ask_placeholder" });
    const button = h("button", { type: "submit", class: "btn btn-primary", i18n: "ask_button" });
    const form = h("form", { class: "ask-form", onsubmit: async (e) => {
      e.preventDefault();
      const q = input.value.trim();
      if (!q) { input.focus(); return; }
      button.disabled = true;
      clear(this.askResult);
      this.askResult.append(h("p", { class: "muted", i18n: "loading" }));
      try {
        this.renderAnswer(await api.ask(this.visit.id, q));
      } catch (err) {
        clear(this.askResult);
        if (err.status !== 401) this.askResult.append(h("p", { class: "form-error", i18n: ["error_generic", { reason: err.message }] }));
      } finally {
        button.disabled = false;
      }
    } },
    h("label", { for: "ask-input", i18n: "ask_label" }),
    h("div", { class: "inline" }, input, button));
    return h("section", { class: "card ask-card", "aria-labelledby": "ask-title" },
      h("h2", { id: "ask-title", i18n: "ask_title" }), form, this.askResult);
  }

  renderAnswer(res) {
    clear(this.askResult);
    const box = h("div", { class: `answer ${res.answered ? "answered" : "unanswered"}`, dataset: { answered: String(res.answered) } },
      h("p", { class: "answer-head" },
        h("span", { class: `chip ${res.answered ? "chip-ready" : "chip-created"}`, i18n: res.answered ? "ask_answered" : "ask_not_answered" }),
        res.topic ? h("span", { class: "muted small", i18n: ["ask_topic", { topic: res.topic }] }) : null),
      res.answer ? h("p", { class: "answer-text" }, res.answer) : null);
    if (res.evidence && res.evidence.length) {
      const detail = h("div", { class: "evidence-detail", hidden: true });
      const show = h("button", { type: "button", class: "btn btn-small", i18n: "note_evidence",
                                 onclick: () => this.select(show, detail, res.evidence) });
      box.append(show, detail);
    }
    this.askResult.append(box);
  }

  unmount() {
    this.gone = true;
    if (this.player) this.player.close();
  }
}
