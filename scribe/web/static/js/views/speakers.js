// Who is who, after the visit: each diarized speaker with its role. One click swaps clinician and patient;
// a select assigns a role (a speaker the scribe left "unknown", an interpreter). Either way the server
// regenerates the note from the corrected roles (PUT /v1/visits/{id}/speakers) and onChange() shows it.

import { api } from "../api.js";
import { clear, h, setText } from "../dom.js";

const ROLES = ["clinician", "patient", "other", "unknown"];

export class SpeakersBar {
  // noteVersion(): the note version on screen (If-Match), so a correction never overwrites unseen edits.
  constructor(visitId, { onChange, noteVersion }) {
    this.visitId = visitId;
    this.onChange = onChange;
    this.noteVersion = noteVersion;
    this.speakers = {};
    this.list = h("div", { class: "speakers-list" });
    this.status = h("p", { class: "muted small", role: "status", id: "speakers-status" });
    this.el = h("div", { class: "speakers-bar", id: "speakers", hidden: true }, this.list, this.status);
  }

  set(transcript) {
    this.speakers = (transcript && transcript.speakers) || {};
    this.render();
  }

  render() {
    clear(this.list);
    const names = Object.keys(this.speakers).sort();
    this.el.hidden = names.length === 0;
    const roles = names.map((name) => this.speakers[name].role);
    for (const name of names) {
      const select = h("select", { class: "speaker-role", dataset: { speaker: name }, "i18n-label": ["speaker_role", { name }] },
        ROLES.map((role) => h("option", { value: role, selected: this.speakers[name].role === role, i18n: `role_${role}` })));
      select.addEventListener("change", () => this.apply({ roles: { [name]: select.value } }));
      this.list.append(h("label", { class: "speaker" }, h("span", { class: "speaker-name" }, name), select));
    }
    const swappable = roles.includes("clinician") && roles.includes("patient");
    this.list.append(h("button", { type: "button", class: "btn btn-small", id: "swap-roles", disabled: !swappable,
                                   i18n: "speakers_swap", onclick: () => this.apply({ swap: true }) }));
  }

  async apply(body) {
    for (const el of this.list.querySelectorAll("select, button")) el.disabled = true;
    setText(this.status, "speakers_regenerating");
    try {
      const view = await api.setSpeakers(this.visitId, body, this.noteVersion());
      for (const [name, role] of Object.entries(view.speakers)) {
        if (this.speakers[name]) this.speakers[name] = { ...this.speakers[name], role };
      }
      await this.onChange(view);
      setText(this.status, "speakers_done", { version: view.note.version });
    } catch (err) {
      setText(this.status, "error_generic", { reason: err.message || "" });
    }
    this.render();
  }
}
