/**
 * Mail templates. Their wording lives in the message catalogue, ICU MessageFormat in each
 * locale: `mail.<name>.subject`, `mail.<name>.body` (paragraphs separated by a blank line)
 * and `mail.<name>.button` (the link's label). A paragraph that is only `{link}` becomes a
 * button; a paragraph that fills to nothing (an empty optional `{message}`) is left out.
 * The HTML part escapes everything, the template's own words as well as the values, since
 * organisers write templates too: a name like "<b>" prints as written.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { INTL_TAG } from "../../../shared/i18n/format.js";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../../shared/i18n/locales.js";

/** Every template the catalogue has: `mail.<name>.subject` names one. */
export type TemplateName = { [K in MessageId]: K extends `mail.${infer N}.subject` ? N : never }[MessageId];

export interface Template {
  subject: string;
  /** Paragraphs, ICU MessageFormat; `{var}` placeholders (the older `{{var}}` is read the same). */
  body: string[];
  /** The label of the `{link}` button; without one, the `linkLabel` variable or the address itself. */
  button?: string;
}

export type MailVars = Record<string, string | number>;

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Organisers' wording saved before templates were ICU wrote `{{var}}`: it means `{var}`. */
const normalise = (s: string) => s.replace(/\{\{\s*(\w+)\s*\}\}/g, "{$1}");

export const splitParagraphs = (body: string) =>
  body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The built-in wording of a template in a locale, string by string in English where the locale has none. */
export function templateSource(name: TemplateName, locale: string): Template {
  const tr = translator(locale);
  const button = `mail.${name}.button`;
  return {
    subject: tr.source(`mail.${name}.subject` as MessageId),
    body: splitParagraphs(tr.source(`mail.${name}.body` as MessageId)),
    ...(tr.has(button) ? { button: tr.source(button) } : {}),
  };
}

function names(elements: readonly MessageFormatElement[], out: Set<string>): void {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) names(o.value, out);
    if (el.type === TYPE.tag) names(el.children, out);
  }
}

/** The variables a piece of template text uses, for checking an organiser's wording before it is saved. */
export function placeholders(s: string): string[] {
  const out = new Set<string>();
  try {
    names(parse(normalise(s), { ignoreTag: true }), out);
  } catch {
    // Not valid ICU (templateSyntaxError says why): the names it seems to use still help.
    for (const m of normalise(s).matchAll(/\{\s*(\w+)/g)) out.add(m[1]!);
  }
  return [...out];
}

/** Why a piece of template text is not valid ICU MessageFormat (an unclosed `{`, …), or undefined when it is. */
export function templateSyntaxError(s: string): string | undefined {
  try {
    parse(normalise(s), { ignoreTag: true });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const compiled = new Map<string, IntlMessageFormat>();
function compile(source: string, locale: Locale): IntlMessageFormat {
  const key = `${locale}\u0000${source}`;
  let f = compiled.get(key);
  if (!f) {
    // Tags are text in mail: an organiser's "<b>" is escaped, not interpreted.
    f = new IntlMessageFormat(normalise(source), INTL_TAG[locale], undefined, { ignoreTag: true });
    // Organisers' templates come from the database, so the cache is bounded.
    if (compiled.size >= 5000) compiled.clear();
    compiled.set(key, f);
  }
  return f;
}

/**
 * Renders any template (built-in or an organiser's per-event wording) with the same rules,
 * plurals and numbers in `locale`. A variable the template uses but `vars` lacks throws: a
 * mail with a hole in it is a bug, and the transaction that would send it rolls back.
 */
export function renderTemplate(t: Template, vars: MailVars, locale: string = DEFAULT_LOCALE): Rendered {
  const loc = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const fill = (s: string) => String(compile(s, loc).format(vars));
  const subject = fill(t.subject);
  const paragraphs = t.body.map((source) => ({ source, text: fill(source) })).filter((p) => p.text.trim() !== "");
  const text = paragraphs.map((p) => p.text).join("\n\n") + "\n";
  const link = String(vars.link ?? "");
  const label = t.button !== undefined ? fill(t.button) : String(vars.linkLabel ?? link);
  const html = paragraphs.map((p) =>
    normalise(p.source).trim() === "{link}"
      ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#24529b;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p><p style="font-size:13px;color:#555">${escapeHtml(link)}</p>`
      : `<p>${escapeHtml(p.text)}</p>`,
  );
  return { subject, text, html: `<!doctype html><html lang="${loc}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem">${html.join("")}</body></html>` };
}

export function render(name: TemplateName, locale: string, vars: MailVars): Rendered {
  return renderTemplate(templateSource(name, locale), vars, locale);
}
