// Entry point: header (who, language, sign out), hash router, session expiry.
// Routes: #/signin[/<error>], #/invite/<token>, #/visits, #/new, #/visit/<id>. A view is {mount(main), unmount()}.

import {
  getToken, loadSession, onUnauthorized, refreshWsToken, session, setToken, signIn, signOut as endSession, signedIn,
  who as whoAmI,
} from "./api.js";
import { announce, clear, h, relabel } from "./dom.js";
import { LANGS, lang, onLangChange, setLang, t } from "./i18n.js";
import { InviteView, SignInView } from "./views/signin.js";
import { VisitsView } from "./views/visits.js";
import { NewVisitView } from "./views/newvisit.js";
import { VisitView } from "./views/visit.js";

const main = document.getElementById("main");
const header = document.getElementById("header");
let view = null;
let reauthWaiters = null;

// Development only (SCRIBE_DEV_TOKEN_SIGNIN): /app/?token=… signs in, then the token leaves the address bar
// (and the history).
function tokenFromUrl() {
  const url = new URL(location.href);
  const value = url.searchParams.get("token");
  if (value && session().dev_token_signin) {
    setToken(value.trim());
    url.searchParams.delete("token");
    history.replaceState(null, "", url.pathname + url.search + (url.hash || "#/visits"));
  }
}

function renderHeader() {
  clear(header);
  const who = signedIn() ? whoAmI() : null;
  const langs = h("div", { class: "lang-switch", role: "group", "i18n-label": "language" },
    LANGS.map((code) => h("button", {
      type: "button", class: "lang-btn", lang: code, "aria-pressed": String(code === lang()),
      onclick: () => setLang(code),
    }, code.toUpperCase())));
  header.append(
    h("a", { class: "brand", href: who ? "#/visits" : "#/signin", i18n: "app_name" }),
    h("div", { class: "header-right" },
      who ? h("span", { class: "who", i18n: ["signed_in_as", { who }] }) : null,
      langs,
      who ? h("button", { type: "button", class: "btn btn-quiet", i18n: "sign_out", onclick: signOut }) : null),
  );
}

async function signOut() {
  if (view && view.busy && view.busy() && !confirm(t("rec_stop_confirm"))) return;
  if (view) view.unmount();
  view = null;
  await endSession();
  location.hash = "#/signin";
}

let currentHash = null;

function route() {
  const hash = location.hash || "";
  if (hash === currentHash) return;
  if (view && view.busy && view.busy() && !confirm(t("rec_stop_confirm"))) {
    history.replaceState(null, "", currentHash); // stay: the recording goes on
    return;
  }
  currentHash = hash;
  const [, name = "", arg = ""] = hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  if (!signedIn() && name !== "signin" && name !== "invite") {
    sessionStorage.setItem("scribe.after", hash && hash !== "#/" ? hash : "#/visits");
    currentHash = null;
    location.replace("#/signin");
    return;
  }
  if (view) view.unmount();
  clear(main);
  if (name === "signin") view = new SignInView(decodeURIComponent(arg));
  else if (name === "invite" && arg) view = new InviteView(decodeURIComponent(arg));
  else if (name === "new") view = new NewVisitView();
  else if (name === "visit" && arg) view = new VisitView(decodeURIComponent(arg), { reauth });
  else if (name === "visits") view = new VisitsView();
  else { currentHash = null; location.replace("#/visits"); return; }
  renderHeader();
  view.mount(main);
  const heading = main.querySelector("h1");
  if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
}

// A 401 while recording: a session renews the websocket's token by itself; an ended session (or a development
// token) asks in a dialog (the recording goes on, audio is kept). Elsewhere: back to sign-in, then here again.
async function reauth() {
  if (session().signed_in) {
    try { return await refreshWsToken(); } catch { /* the session ended: ask for the password */ }
  }
  if (reauthWaiters) return reauthWaiters.promise;
  const user = session().user;
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  reauthWaiters = { promise };
  const input = h("input", { id: "reauth-token", type: "password", autocomplete: user ? "current-password" : "off",
                             spellcheck: "false", class: "input", required: true });
  const code = h("input", { id: "reauth-code", inputmode: "numeric", autocomplete: "one-time-code", class: "input",
                            maxlength: "10" });
  const failed = h("p", { class: "form-error", role: "alert" });
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": "reauth-title" },
    h("form", { method: "dialog", onsubmit: async (e) => {
      e.preventDefault();
      if (!input.value.trim()) return;
      if (user) {
        try { await signIn(user.email, input.value, code.value.trim() || undefined); } catch (err) {
          failed.textContent = err.message;
          return;
        }
      } else setToken(input.value.trim());
      dialog.close();
      dialog.remove();
      reauthWaiters = null;
      renderHeader();
      resolve(getToken());
    } },
    h("h2", { id: "reauth-title", i18n: "reauth_title" }),
    h("p", { i18n: user ? "reauth_help_password" : "reauth_help" }),
    h("label", { for: "reauth-token", i18n: user ? "password_label" : "token_label" }),
    input,
    user ? h("label", { for: "reauth-code", i18n: "totp_label" }) : null,
    user ? code : null,
    failed,
    h("div", { class: "actions" }, h("button", { class: "btn btn-primary", type: "submit", i18n: "reauth_button" }))));
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
  return promise;
}

onUnauthorized(() => {
  if (view && view.busy && view.busy()) return; // the recording view asks for a new token itself
  if (location.hash.startsWith("#/signin") || location.hash.startsWith("#/invite")) return;
  endSession();
  sessionStorage.setItem("scribe.after", location.hash || "#/visits");
  sessionStorage.setItem("scribe.expired", "1");
  location.hash = "#/signin";
});

onLangChange(() => {
  relabel(document);
  for (const btn of header.querySelectorAll(".lang-btn")) btn.setAttribute("aria-pressed", String(btn.lang === lang()));
  if (view && view.onLang) view.onLang();
});

window.addEventListener("hashchange", route);
window.addEventListener("beforeunload", (e) => {
  if (view && view.busy && view.busy()) { e.preventDefault(); e.returnValue = ""; }
});
window.addEventListener("unhandledrejection", (e) => {
  const reason = e.reason && e.reason.status === 401 ? null : e.reason;
  if (reason) announce(t("error_generic", { reason: reason.message || String(reason) }), "error");
});

// The skip link must not change the hash (the router owns it): move focus instead.
document.querySelector(".skip-link").addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

await loadSession();
tokenFromUrl();
relabel(document);
route();
