// The question assistant during the recording: the chief complaint's checklist, already covered / still to
// ask, refreshed on each `context.updated` event, and an ask box that works from the first final segment
// (POST /ask answers from the live context and says which transcript time it covers). docs/assistant.md.

import { api } from "../api.js";
import { clear, h } from "../dom.js";
import { fmtSeconds } from "../i18n.js";

export class AssistantPanel {
  constructor(visitId) {
    this.visitId = visitId;
    this.version = 0;
    this.covered = h("ul", { class: "checklist covered", id: "assistant-covered" });
    this.open = h("ul", { class: "checklist open", id: "assistant-open" });
    this.basis = h("p", { class: "muted small", id: "assistant-basis", i18n: "assistant_empty" });
    this.result = h("div", { class: "ask-result", id: "live-ask-result", role: "status", "aria-live": "polite" });
    const input = h("input", { id: "live-ask-input", class: "input", autocomplete: "off", maxlength: "2000",
                               "i18n-placeholder": "ask_placeholder" });
    const form = h("form", { class: "ask-form", onsubmit: (e) => { e.preventDefault(); this.ask(input.value.trim()); } },
      h("label", { for: "live-ask-input", i18n: "ask_label" }),
      h("div", { class: "inline" }, input, h("button", { type: "submit", class: "btn btn-primary", i18n: "ask_button" })));
    this.el = h("section", { class: "card assistant-card", id: "assistant-panel", "aria-labelledby": "assistant-title" },
      h("h2", { id: "assistant-title", i18n: "assistant_title" }), this.basis,
      h("div", { class: "assistant-lists" },
        h("div", {}, h("h3", { i18n: "assistant_covered" }), this.covered),
        h("div", {}, h("h3", { i18n: "assistant_open" }), this.open)),
      form, this.result);
  }

  // A context.updated event (or GET /context): newer versions only, events may arrive out of a poll's order.
  update(ctx) {
    if (!ctx || !Array.isArray(ctx.checklist) || ctx.version < this.version) return;
    this.version = ctx.version;
    this.el.dataset.version = String(ctx.version);
    this.el.dataset.final = String(Boolean(ctx.final));
    clear(this.covered);
    clear(this.open);
    for (const item of ctx.checklist) {
      const li = h("li", { dataset: { id: item.id, answered: String(item.answered) }, title: item.answer || "" }, item.question);
      (item.answered ? this.covered : this.open).append(li);
    }
    this.basis.removeAttribute("data-i18n");
    this.basis.textContent = `⏱ ${fmtSeconds(ctx.based_on || 0)}`;
  }

  async load() {
    try { this.update(await api.context(this.visitId)); } catch { /* nothing transcribed yet */ }
  }

  async ask(question) {
    if (!question) return;
    clear(this.result);
    try {
      const res = await api.ask(this.visitId, question);
      this.result.append(h("p", { class: `answer ${res.answered ? "answered" : "unanswered"}`, dataset: { answered: String(res.answered) } },
        h("span", { class: `chip ${res.answered ? "chip-ready" : "chip-created"}`, i18n: res.answered ? "ask_answered" : "ask_not_answered" }),
        " ", res.value || res.answer || "",
        res.evidence && res.evidence.length ? h("span", { class: "muted small" }, ` (${fmtSeconds(res.evidence[0].start)})`) : null));
    } catch (err) {
      this.result.append(h("p", { class: "form-error", i18n: err.status === 409 ? "assistant_empty" : ["error_generic", { reason: err.message }] }));
    }
  }
}
