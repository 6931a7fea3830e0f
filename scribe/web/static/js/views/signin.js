// Sign in with a clinician token (pasted). The token is checked against the API before it is kept.

import { api, setToken } from "../api.js";
import { h, setText } from "../dom.js";

export class SignInView {
  mount(main) {
    const expired = sessionStorage.getItem("scribe.expired");
    sessionStorage.removeItem("scribe.expired");
    const input = h("input", { id: "token", name: "token", type: "password", class: "input", autocomplete: "off",
                               spellcheck: "false", required: true, "aria-describedby": "token-help token-error" });
    const error = h("p", { id: "token-error", class: "form-error", role: "alert" });
    const button = h("button", { type: "submit", class: "btn btn-primary btn-block", i18n: "signin_button" });
    if (expired) setText(error, "signin_expired");
    const form = h("form", { class: "card narrow", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) { setText(error, "signin_empty"); input.focus(); return; }
      button.disabled = true;
      setText(button, "signin_checking");
      setToken(value);
      try {
        await api.listVisits({ limit: 1 });
        const after = sessionStorage.getItem("scribe.after") || "#/visits";
        sessionStorage.removeItem("scribe.after");
        location.hash = after.startsWith("#/signin") ? "#/visits" : after;
      } catch (err) {
        setToken(null);
        if (err.status === 0) setText(error, "error_network");
        else setText(error, "signin_bad", { reason: err.message });
        input.focus();
        input.select();
      } finally {
        button.disabled = false;
        setText(button, "signin_button");
      }
    } },
    h("h1", { i18n: "signin_title" }),
    h("p", { id: "token-help", class: "muted", i18n: "signin_help" }),
    h("label", { for: "token", i18n: "token_label" }),
    input,
    error,
    button);
    main.append(h("div", { class: "center" }, form));
    setTimeout(() => input.focus(), 0);
  }

  unmount() {}
}
