// Sign in: email + password (+ the authenticator code once enrolled), or the clinic's single sign-on. The
// development token paste is shown only when the server runs with SCRIBE_DEV_TOKEN_SIGNIN=1.
// InviteView: an invitation or reset link (#/invite/<token>) sets the password, then signs in.

import { acceptInvitation, api, session, setToken, signIn } from "../api.js";
import { h, setText } from "../dom.js";

const SSO_ERRORS = new Set(["sso_failed", "sso_unavailable", "sso_misconfigured", "not_found"]);

function goAfter() {
  const after = sessionStorage.getItem("scribe.after") || "#/visits";
  sessionStorage.removeItem("scribe.after");
  location.hash = after.startsWith("#/signin") || after.startsWith("#/invite") ? "#/visits" : after;
}

function field(id, labelKey, attrs) {
  return [h("label", { for: id, i18n: labelKey }), h("input", { id, name: id, class: "input", ...attrs })];
}

export class SignInView {
  constructor(error = "") {
    this.error = error;
  }

  mount(main) {
    const expired = sessionStorage.getItem("scribe.expired");
    sessionStorage.removeItem("scribe.expired");
    const { providers, dev_token_signin: devTokens } = session();
    const [emailLabel, email] = field("email", "email_label", { type: "email", autocomplete: "username", required: true });
    const [passwordLabel, password] = field("password", "password_label",
      { type: "password", autocomplete: "current-password", required: true });
    const [codeLabel, code] = field("totp-code", "totp_label",
      { inputmode: "numeric", autocomplete: "one-time-code", maxlength: "10", "aria-describedby": "totp-help" });
    const error = h("p", { id: "signin-error", class: "form-error", role: "alert" });
    const button = h("button", { id: "signin-submit", type: "submit", class: "btn btn-primary btn-block",
                                 i18n: "signin_button" });
    if (expired) setText(error, "signin_expired_session");
    if (SSO_ERRORS.has(this.error)) setText(error, "signin_sso_failed");
    const form = h("form", { class: "card narrow", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      if (!email.value.trim() || !password.value) { setText(error, "signin_missing"); email.focus(); return; }
      button.disabled = true;
      setText(button, "signin_checking");
      try {
        await signIn(email.value.trim(), password.value, code.value.trim() || undefined);
        goAfter();
      } catch (err) {
        if (err.status === 0) setText(error, "error_network");
        else if (err.code === "totp_required") { setText(error, "signin_totp_required"); code.focus(); }
        else { setText(error, "signin_refused", { reason: err.message }); password.select(); }
      } finally {
        button.disabled = false;
        setText(button, "signin_button");
      }
    } },
    h("h1", { i18n: "signin_title" }),
    emailLabel, email, passwordLabel, password, codeLabel, code,
    h("p", { id: "totp-help", class: "muted", i18n: "totp_help" }),
    error,
    button,
    providers.length ? h("div", { class: "sso" },
      h("p", { class: "muted", i18n: "signin_or" }),
      providers.map((p) => h("a", {
        class: "btn btn-block sso-btn",
        href: `${p.login_url}?after=${encodeURIComponent(sessionStorage.getItem("scribe.after") || "#/visits")}`,
        i18n: ["signin_with", { name: p.name }],
      }))) : null);
    main.append(h("div", { class: "center" }, devTokens ? this.tokenForm() : null, form));
    setTimeout(() => (main.querySelector("#token") || email).focus(), 0);
  }

  // Development only: paste a clinician token (POST /v1/tokens with the clinic's API key).
  tokenForm() {
    const input = h("input", { id: "token", name: "token", type: "password", class: "input", autocomplete: "off",
                               spellcheck: "false", required: true, "aria-describedby": "token-help token-error" });
    const error = h("p", { id: "token-error", class: "form-error", role: "alert" });
    const button = h("button", { type: "submit", class: "btn btn-block", i18n: "signin_token_button" });
    return h("form", { class: "card narrow dev-token", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) { setText(error, "signin_empty"); input.focus(); return; }
      button.disabled = true;
      setText(button, "signin_checking");
      setToken(value);
      try {
        await api.listVisits({ limit: 1 });
        goAfter();
      } catch (err) {
        setToken(null);
        if (err.status === 0) setText(error, "error_network");
        else setText(error, "signin_bad", { reason: err.message });
        input.focus();
        input.select();
      } finally {
        button.disabled = false;
        setText(button, "signin_token_button");
      }
    } },
    h("h2", { i18n: "signin_dev_title" }),
    h("p", { id: "token-help", class: "muted", i18n: "signin_help" }),
    h("label", { for: "token", i18n: "token_label" }),
    input,
    error,
    button);
  }

  unmount() {}
}

export class InviteView {
  constructor(token) {
    this.token = token;
  }

  mount(main) {
    // The link's token leaves the address bar (and the history) at once.
    history.replaceState(null, "", `${location.pathname}#/invite/-`);
    const [label, password] = field("new-password", "new_password_label",
      { type: "password", autocomplete: "new-password", minlength: "12", required: true });
    const [againLabel, again] = field("new-password-again", "new_password_again",
      { type: "password", autocomplete: "new-password", required: true });
    const error = h("p", { id: "invite-error", class: "form-error", role: "alert" });
    const button = h("button", { type: "submit", class: "btn btn-primary btn-block", i18n: "invite_button" });
    const form = h("form", { class: "card narrow", novalidate: true, onsubmit: async (e) => {
      e.preventDefault();
      if (password.value.length < 12) { setText(error, "password_short"); password.focus(); return; }
      if (password.value !== again.value) { setText(error, "password_mismatch"); again.focus(); return; }
      button.disabled = true;
      try {
        await acceptInvitation(this.token, password.value);
        location.hash = "#/visits";
      } catch (err) {
        setText(error, "signin_refused", { reason: err.message });
      } finally {
        button.disabled = false;
      }
    } },
    h("h1", { i18n: "invite_title" }),
    h("p", { class: "muted", i18n: "invite_help" }),
    label, password, againLabel, again, error, button);
    main.append(h("div", { class: "center" }, form));
    setTimeout(() => password.focus(), 0);
  }

  unmount() {}
}
