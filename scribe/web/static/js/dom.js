// A tiny element builder. Text always goes in as text nodes (never innerHTML): transcript and note
// text is patient data and must not be able to inject markup.
//
// Translated text: h("button", {i18n: "rec_pause"}) or {i18n: ["key", {params}]}; also "i18n-label"
// (aria-label), "i18n-title" and "i18n-placeholder". relabel() re-applies them all when the language
// changes, so a view (a recording in progress) never has to be rebuilt for it.

import { t } from "./i18n.js";

const I18N_ATTRS = { "i18n-label": "aria-label", "i18n-title": "title", "i18n-placeholder": "placeholder" };

function keyArgs(value) {
  return Array.isArray(value) ? [value[0], value[1] || {}] : [value, {}];
}

export function setText(el, key, args = {}) {
  el.dataset.i18n = key;
  if (Object.keys(args).length) el.dataset.i18nArgs = JSON.stringify(args);
  else delete el.dataset.i18nArgs;
  el.textContent = t(key, args);
  return el;
}

export function relabel(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n, el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : {});
  }
  for (const [attr, target] of Object.entries(I18N_ATTRS)) {
    for (const el of root.querySelectorAll(`[data-${attr}]`)) {
      const [key, args] = keyArgs(JSON.parse(el.getAttribute(`data-${attr}`)));
      el.setAttribute(target, t(key, args));
    }
  }
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "text") el.textContent = value;
    else if (key === "i18n") setText(el, ...keyArgs(value));
    else if (key in I18N_ATTRS) {
      el.setAttribute(`data-${key}`, JSON.stringify(value));
      el.setAttribute(I18N_ATTRS[key], t(...keyArgs(value)));
    }
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
export function newId(prefix = "id") {
  uid += 1;
  return `${prefix}-${uid}`;
}

// Announce a short message to screen readers (and show it in the toast area).
export function announce(message, kind = "info") {
  const region = document.getElementById("toast");
  if (!region) return;
  const item = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, message);
  region.append(item);
  setTimeout(() => item.remove(), kind === "error" ? 8000 : 4000);
}
