// Start a visit: patient reference, language, template, and the patient's consent (required).

import { api, who as signedInAs } from "../api.js";
import { h, setText } from "../dom.js";

const TEMPLATES = ["soap", "hp", "progress", "cr-fr"];

function field(id, labelKey, control, helpKey) {
  return h("div", { class: "field" },
    h("label", { for: id, i18n: labelKey }),
    control,
    helpKey ? h("p", { id: `${id}-help`, class: "help", i18n: helpKey }) : null);
}

export class NewVisitView {
  mount(main) {
    const ref = h("input", { id: "patient-ref", name: "patient_ref", class: "input", required: true,
                             maxlength: "200", autocomplete: "off", "aria-describedby": "patient-ref-help" });
    const language = h("select", { id: "visit-language", name: "language", class: "input" },
      h("option", { value: "auto", i18n: "lang_auto" }),
      h("option", { value: "fr", i18n: "lang_fr" }),
      h("option", { value: "en", i18n: "lang_en" }));
    const template = h("select", { id: "visit-template", name: "template", class: "input" },
      TEMPLATES.map((name) => h("option", { value: name, i18n: `tpl_${name}` })));
    const consent = h("input", { id: "consent", name: "consent", type: "checkbox", required: true,
                                 "aria-describedby": "form-error" });
    const error = h("p", { id: "form-error", class: "form-error", role: "alert" });
    const submit = h("button", { type: "submit", class: "btn btn-primary grow", i18n: "create_visit" });
    const form = h("form", { class: "card narrow", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      error.textContent = "";
      if (!ref.value.trim()) { setText(error, "patient_ref"); ref.setAttribute("aria-invalid", "true"); ref.focus(); return; }
      ref.removeAttribute("aria-invalid");
      if (!consent.checked) { setText(error, "consent_required"); consent.focus(); return; }
      submit.disabled = true;
      try {
        const who = signedInAs() || "clinician";
        const visit = await api.createVisit({
          patient_ref: ref.value.trim(), language: language.value, template: template.value,
          consent: { recorded_by: who, at: new Date().toISOString() },
        });
        location.hash = `#/visit/${encodeURIComponent(visit.id)}`;
      } catch (err) {
        if (err.status !== 401) setText(error, "error_generic", { reason: err.message });
        submit.disabled = false;
      }
    } },
    h("h1", { i18n: "new_title" }),
    field("patient-ref", "patient_ref", ref, "patient_ref_help"),
    field("visit-language", "visit_language", language),
    field("visit-template", "template", template),
    h("div", { class: "field consent" }, consent, h("label", { for: "consent", i18n: "consent_label" })),
    error,
    h("div", { class: "actions" },
      h("a", { class: "btn", href: "#/visits", i18n: "cancel" }),
      submit));
    main.append(h("div", { class: "center" }, form));
    setTimeout(() => ref.focus(), 0);
  }

  unmount() {}
}
