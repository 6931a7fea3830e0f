// The transcript panel: live (final segments + one partial tail) or the final, role-labelled
// transcript. Auto-scrolls while the reader is at the bottom; stops when they scroll up (a "jump to
// latest" button brings them back). highlight(evidence) marks quoted spans and scrolls to them.

import { clear, h } from "../dom.js";
import { fmtSeconds } from "../i18n.js";

const ROLES = new Set(["clinician", "patient", "other"]);

export class TranscriptPanel {
  constructor({ titleKey = "transcript_title", emptyKey = "live_empty", live = false, onSegment = null } = {}) {
    this.live = live;
    this.onSegment = onSegment;
    this.segments = new Map(); // id → {seg, el, textEl}
    this.stick = true;
    this.list = h("ol", { class: "segments", "aria-live": live ? "polite" : null, "aria-relevant": "additions" });
    this.partial = h("p", { class: "seg partial", hidden: true, "aria-hidden": "true" });
    this.empty = h("p", { class: "muted empty", i18n: emptyKey });
    this.jump = h("button", { type: "button", class: "btn btn-small jump", hidden: true, i18n: "jump_latest",
                              onclick: () => { this.stick = true; this.scrollToEnd(); this.jump.hidden = true; } });
    this.scroller = h("div", { class: "transcript-scroll", tabindex: "0", role: "region",
                               "i18n-label": titleKey }, this.empty, this.list, this.partial);
    this.scroller.addEventListener("scroll", () => {
      const atEnd = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 40;
      this.stick = atEnd;
      if (atEnd) this.jump.hidden = true;
    }, { passive: true });
    this.el = h("div", { class: `transcript ${live ? "live" : "final"}` }, this.scroller, this.jump);
  }

  roleLabel(role) {
    const r = ROLES.has(role) ? role : "unknown";
    return h("span", { class: `role role-${r}`, i18n: `role_${r}` });
  }

  segmentEl(seg) {
    const textEl = h("span", { class: "seg-text" }, seg.text.trim());
    const li = h("li", { class: "seg final", dataset: { id: String(seg.id), role: seg.role || "unknown" } },
      h("span", { class: "seg-head" }, this.roleLabel(seg.role), h("span", { class: "seg-time" }, fmtSeconds(seg.start))),
      textEl, this.correctionsEl(seg));
    return { li, textEl };
  }

  // Drug names read back from what the recogniser wrote (applied) or left for the clinician to verify.
  correctionsEl(seg) {
    const corrections = seg.corrections || [];
    if (!corrections.length) return null;
    return h("span", { class: "seg-corrections" }, ...corrections.map((c) => h("span", {
      class: c.applied ? "chip chip-corrected" : "chip chip-verify",
      i18n: [c.applied ? "transcript_corrected" : "transcript_verify_drug", { original: c.original, corrected: c.corrected }],
    })));
  }

  // Live: a stable segment (never changes; the same id may be replayed after a reconnect).
  addFinal(seg) {
    if (this.segments.has(seg.id) || !seg.text || !seg.text.trim()) return;
    const { li, textEl } = this.segmentEl(seg);
    // keep time order even when a replayed segment arrives late
    let before = null;
    for (const entry of this.segments.values()) {
      if (entry.seg.start > seg.start && (!before || entry.seg.start < before.seg.start)) before = entry;
    }
    this.list.insertBefore(li, before ? before.li : null);
    this.segments.set(seg.id, { seg, li, textEl });
    this.empty.hidden = true;
    this.afterChange();
  }

  setPartial(text) {
    const value = (text || "").trim();
    this.partial.hidden = !value;
    this.partial.textContent = value ? `${value} …` : "";
    if (value) this.empty.hidden = true;
    this.afterChange();
  }

  // The final transcript (replaces everything: speakers and roles are known now).
  setSegments(segments) {
    clear(this.list);
    this.segments.clear();
    this.setPartial("");
    for (const seg of segments) {
      if (!seg.text || !seg.text.trim()) continue;
      const { li, textEl } = this.segmentEl(seg);
      this.list.append(li);
      this.segments.set(seg.id, { seg, li, textEl });
    }
    this.empty.hidden = this.segments.size > 0;
  }

  afterChange() {
    if (this.stick) this.scrollToEnd();
    else this.jump.hidden = false;
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  clearHighlight() {
    for (const entry of this.segments.values()) {
      if (entry.marked) {
        entry.textEl.textContent = entry.seg.text.trim();
        entry.li.classList.remove("has-evidence");
        entry.marked = false;
      }
    }
  }

  // evidence: [{segment_id, start, end, quote}]; returns the first highlighted segment element.
  highlight(evidence) {
    this.clearHighlight();
    const bySegment = new Map();
    for (const ev of evidence || []) {
      if (!bySegment.has(ev.segment_id)) bySegment.set(ev.segment_id, []);
      bySegment.get(ev.segment_id).push(ev.quote || "");
    }
    let first = null;
    for (const [id, quotes] of bySegment) {
      const entry = this.segments.get(id);
      if (!entry) continue;
      const text = entry.seg.text.trim();
      const lower = text.toLowerCase();
      const ranges = [];
      for (const q of quotes) {
        const quote = q.trim();
        if (!quote) continue;
        const at = lower.indexOf(quote.toLowerCase());
        if (at >= 0) ranges.push([at, at + quote.length]);
      }
      ranges.sort((a, b) => a[0] - b[0]);
      clear(entry.textEl);
      let pos = 0;
      for (const [a, b] of ranges) {
        if (a < pos) continue;
        entry.textEl.append(text.slice(pos, a), h("mark", { class: "evidence" }, text.slice(a, b)));
        pos = b;
      }
      entry.textEl.append(text.slice(pos));
      if (!ranges.length) entry.textEl.append(""); // whole segment is the evidence
      entry.li.classList.add("has-evidence");
      entry.marked = true;
      if (!first || entry.seg.start < first.seg.start) first = entry;
    }
    if (first) {
      this.stick = false;
      const top = first.li.offsetTop - this.scroller.clientHeight / 3; // the scroller is position: relative
      this.scroller.scrollTo({ top: Math.max(0, top), behavior: "smooth" });
    }
    return first ? first.li : null;
  }
}
