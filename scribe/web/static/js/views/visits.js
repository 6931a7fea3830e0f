// Today's visits (newest first) and the way to start a new one.

import { api } from "../api.js";
import { clear, h, setText } from "../dom.js";
import { fmtSeconds, fmtTime } from "../i18n.js";

export function statusChip(status) {
  return h("span", { class: `chip chip-${status}`, i18n: `status_${status}` });
}

export class VisitsView {
  mount(main) {
    this.list = h("ul", { class: "visit-list", "aria-busy": "true" });
    this.message = h("p", { class: "muted", role: "status", i18n: "loading" });
    main.append(
      h("div", { class: "page-head" },
        h("h1", { i18n: "visits_title" }),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "btn", i18n: "visits_refresh", onclick: () => this.load() }),
          h("a", { class: "btn btn-primary", href: "#/new", i18n: "visits_new" }))),
      this.message,
      this.list);
    this.load();
  }

  async load() {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    this.list.setAttribute("aria-busy", "true");
    try {
      const data = await api.listVisits({ created_after: midnight.toISOString(), limit: 100 });
      clear(this.list);
      if (!data.items.length) setText(this.message, "visits_empty");
      else { this.message.textContent = ""; delete this.message.dataset.i18n; }
      for (const v of data.items) {
        this.list.append(h("li", {},
          h("a", { class: "visit-item", href: `#/visit/${encodeURIComponent(v.id)}`,
                   "i18n-label": ["visits_open", { ref: v.patient_ref }] },
            h("span", { class: "visit-time" }, fmtTime(v.created_at)),
            h("span", { class: "visit-ref" }, v.patient_ref),
            h("span", { class: "visit-meta" }, `${v.template} · ${v.language}`,
              v.audio_seconds ? ` · ${fmtSeconds(v.audio_seconds)}` : ""),
            statusChip(v.status))));
      }
    } catch (err) {
      if (err.status !== 401) setText(this.message, "error_generic", { reason: err.message });
    } finally {
      this.list.setAttribute("aria-busy", "false");
    }
  }

  unmount() {}
}
