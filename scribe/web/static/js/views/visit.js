// One visit: recording (created / streaming / paused), progress (finalizing), review (ready).

import { api } from "../api.js";
import { clear, h, setText } from "../dom.js";
import { RecordView } from "./record.js";
import { ReviewView } from "./review.js";

export class VisitView {
  constructor(visitId, { reauth }) {
    this.visitId = visitId;
    this.reauth = reauth;
    this.child = null;
  }

  async mount(main) {
    this.main = main;
    const status = h("p", { class: "muted", role: "status", i18n: "loading" });
    main.append(h("h1", { class: "visually-hidden", i18n: "loading" }), status);
    try {
      this.visit = await api.visit(this.visitId);
    } catch (err) {
      if (err.status === 404) setText(status, "not_found");
      else if (err.status !== 401) setText(status, "error_generic", { reason: err.message });
      return;
    }
    if (this.gone) return;
    this.show(this.visit);
  }

  show(visit) {
    if (this.child) this.child.unmount();
    clear(this.main);
    const done = visit.status === "ready" || visit.status === "failed";
    this.child = done
      ? new ReviewView(visit)
      : new RecordView(visit, { reauth: this.reauth, onReady: (v) => this.show(v) });
    this.child.mount(this.main);
  }

  busy() { return Boolean(this.child && this.child.busy && this.child.busy()); }

  onLang() { if (this.child && this.child.onLang) this.child.onLang(); }

  unmount() {
    this.gone = true;
    if (this.child) this.child.unmount();
  }
}
