/**
 * Which language a request is answered in: the signed-in account's setting, else the `lang`
 * cookie the page footer's switcher sets, else the browser's Accept-Language, else English.
 * Errors are rendered in it (http/errors.ts), the web app's page is served in it, and mail
 * to someone without an account (an applicant) goes out in the locale of the request that
 * created them. The OpenAPI document is English whatever the request.
 */
import type { FastifyRequest } from "fastify";
import Negotiator from "negotiator";
import type { Logger } from "pino";
import { translator } from "../../../shared/i18n/catalogues.js";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, toLocale, type Locale } from "../../../shared/i18n/locales.js";
import { reportProblemsTo } from "../../../shared/i18n/translator.js";
import type { AppContext } from "../context.js";
import { resolveCaller, resolvedCaller } from "../auth/index.js";

const browserLocales = new WeakMap<FastifyRequest, Locale>();

/** The cookie, else Accept-Language (negotiated against the locales we have), else English. */
function browserLocale(req: FastifyRequest): Locale {
  const fromCookie = toLocale(req.cookies?.[LOCALE_COOKIE]);
  if (fromCookie) return fromCookie;
  const accept = req.headers["accept-language"];
  if (accept) {
    const [best] = new Negotiator({ headers: { "accept-language": accept } }).languages([...LOCALES]);
    if (isLocale(best)) return best;
  }
  return DEFAULT_LOCALE;
}

/**
 * The request's locale. The account's setting counts once the route has resolved the caller
 * (every API route does, before anything can fail but its rate limit and parameters), so
 * this never costs a query of its own.
 */
export function requestLocale(req: FastifyRequest): Locale {
  const actor = resolvedCaller(req)?.actor;
  if (actor?.kind === "user" && isLocale(actor.locale)) return actor.locale;
  let l = browserLocales.get(req);
  if (!l) {
    l = browserLocale(req);
    browserLocales.set(req, l);
  }
  return l;
}

/** For a page: resolves the caller first (a signed-in account's language wins over the browser's). */
export async function pageLocale(ctx: AppContext, req: FastifyRequest): Promise<Locale> {
  // A revoked token or a lapsed session is not this page's concern: it is served anyway.
  await resolveCaller(ctx, req).catch(() => undefined);
  return requestLocale(req);
}

/** The web app's index.html once per locale: `<html lang>` and the description in that language. */
export function localisedPages(indexHtml: string): Record<Locale, string> {
  const pages = {} as Record<Locale, string>;
  for (const l of LOCALES) {
    const description = translator(l).t("layout.meta.description").replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    pages[l] = indexHtml.replace(/<html lang="[^"]*"/, `<html lang="${l}"`).replace(/(<meta name="description" content=")[^"]*"/, `$1${description}"`);
  }
  return pages;
}

/**
 * Sends catalogue problems (a missing translation, a message that cannot be formatted) to the
 * log, once each. No per-request hook: the locale is worked out only by what needs it (an
 * error, a page), so a successful API call pays nothing for it.
 */
export function reportI18nProblems(log: Logger): void {
  reportProblemsTo((p) => log.warn({ i18n: p }, `i18n: ${p.kind === "missing" ? "no translation" : "cannot format"} of '${p.id}' in ${p.locale}; English is used`));
}
