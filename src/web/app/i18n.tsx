/**
 * The web app's language. The server picks it when it serves the page (the account's
 * setting, else the `lang` cookie, else Accept-Language) and writes it into `<html lang>`;
 * main.tsx loads that locale's catalogue before the first render. English is always loaded:
 * it is the fallback of every string a locale lacks. The footer's switcher changes the
 * locale without a reload: it sets the cookie, saves the choice on the account when someone
 * is signed in, and remounts the pages so every text, date and number is redrawn in it.
 *
 * In components: `const { t } = useI18n(); t("events.home.title")`, or `<T id=… values=…/>`
 * for messages with markup (`<strong>…</strong>`, links). Outside components (error
 * summaries, confirm dialogs) the module-level `t` uses the page's current locale.
 */
import { Children, createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { FormatXMLElementFn } from "intl-messageformat";
import type { MessageId, Messages, Text, Values } from "../../shared/i18n/catalogue.js";
import { formatDistance, formatList, formatMoney, formatNumber } from "../../shared/i18n/format.js";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "../../shared/i18n/locales.js";
import en from "../../shared/i18n/messages/en/index.js";
import { Translator } from "../../shared/i18n/translator.js";
import type { UserView } from "../../server/features/accounts/schema.js";
import { patch } from "./api.js";
import { useSession } from "./session.js";

const english = new Translator("en", en);
let current: Translator = english;

// Each other locale is its own chunk, fetched only by those who read it.
const loaders: Record<Exclude<Locale, "en">, () => Promise<{ default: Partial<Messages> }>> = {
  de: () => import("../../shared/i18n/messages/de/index.js"),
  fr: () => import("../../shared/i18n/messages/fr/index.js"),
};
const loaded = new Map<Locale, Translator>([["en", english]]);

/** The translator of a locale, loading its catalogue the first time. */
export async function loadLocale(locale: Locale): Promise<Translator> {
  const hit = loaded.get(locale);
  if (hit) return hit;
  const messages = locale === "en" ? en : (await loaders[locale]()).default;
  const tr = new Translator(locale, messages, english);
  loaded.set(locale, tr);
  return tr;
}

/**
 * Before the first render (main.tsx): loads the locale the server served this page in
 * (`<html lang>`), so the module-level `t` and the components agree from the start.
 */
export async function begin(): Promise<Translator> {
  const served = document.documentElement.lang;
  current = await loadLocale(isLocale(served) ? served : DEFAULT_LOCALE);
  return current;
}

/** Text in the page's language, for code outside components. */
export function t(id: MessageId, values?: Values): string {
  return current.t(id, values);
}
/** An API error or field message: catalogue messages are rendered, final text is kept. */
export function text(x: Text): string {
  return current.text(x);
}
/** Whether the catalogue has a message (every id is in English). */
export function knows(id: string): boolean {
  return english.has(id);
}
export function pageLocale(): Locale {
  return current.locale;
}

/** Numbers, money and distances in the page's language (dates: app/dates.ts). */
export const fmt = {
  number: (n: number) => formatNumber(current.locale, n),
  distance: (km: number) => formatDistance(current.locale, km),
  money: (minorUnits: number, currency: string) => formatMoney(current.locale, minorUnits, currency),
  list: (items: readonly string[], type?: "conjunction" | "disjunction") => formatList(current.locale, items, type),
};

type RichValue = ReactNode | FormatXMLElementFn<ReactNode>;

interface I18nState {
  locale: Locale;
  t: (id: MessageId, values?: Values) => string;
  /** A message with markup or elements as values; tags without a value given are `strong` and `em`. */
  rich: (id: MessageId, values?: Record<string, RichValue>) => ReactNode;
  switchLocale: (locale: Locale) => Promise<void>;
}

const Ctx = createContext<I18nState | null>(null);

const defaultTags: Record<string, FormatXMLElementFn<ReactNode>> = {
  strong: (chunks) => <strong>{Children.toArray(chunks)}</strong>,
  em: (chunks) => <em>{Children.toArray(chunks)}</em>,
};

function richOf(tr: Translator) {
  return (id: MessageId, values?: Record<string, RichValue>): ReactNode => {
    const out = tr.rich<ReactNode>(id, { ...defaultTags, ...values } as Record<string, RichValue>);
    // Keys for the parts, as React wants for any array of elements.
    return Array.isArray(out) ? Children.toArray(out) : out;
  };
}

function rememberChoice(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${365 * 86400}; samesite=lax`;
}

export function I18nProvider({ initial, children }: { initial: Translator; children: ReactNode }) {
  const [tr, setTr] = useState(initial);
  const { user, setUser } = useSession();

  const show = useCallback((next: Translator) => {
    current = next;
    document.documentElement.lang = next.locale;
    setTr(next);
  }, []);

  const switchLocale = useCallback(
    async (locale: Locale) => {
      const next = await loadLocale(locale);
      rememberChoice(locale);
      // The account's setting wins over the cookie on the server, so it must change too;
      // it is also the language of this person's mail.
      if (user && user.locale !== locale) {
        try {
          setUser(await patch<UserView>("/account", { locale }));
        } catch {
          // Offline or signed out meanwhile: this page still switches; the cookie holds the choice.
        }
      }
      show(next);
    },
    [user, setUser, show],
  );

  // Someone who signs in on a page served in another language sees their own.
  const accountLocale = user?.locale;
  useEffect(() => {
    if (!isLocale(accountLocale) || accountLocale === current.locale) return;
    rememberChoice(accountLocale);
    void loadLocale(accountLocale).then(show);
  }, [accountLocale, show]);

  const value = useMemo<I18nState>(() => ({ locale: tr.locale, t: (id, values) => tr.t(id, values), rich: richOf(tr), switchLocale }), [tr, switchLocale]);
  return (
    <Ctx.Provider value={value}>
      <Fragment key={tr.locale}>{children}</Fragment>
    </Ctx.Provider>
  );
}

export function useI18n(): I18nState {
  const s = useContext(Ctx);
  if (s) return s;
  // Outside the provider (a component test): English, no switching.
  return { locale: current.locale, t: (id, values) => current.t(id, values), rich: richOf(current), switchLocale: async () => undefined };
}

/** A message with markup: `<T id="layout.footer.tagline" />`, `<T id=… values={{ link: (c) => <Link to="/">{c}</Link> }} />`. */
export function T({ id, values }: { id: MessageId; values?: Record<string, RichValue> }) {
  const { rich } = useI18n();
  return <>{rich(id, values)}</>;
}
