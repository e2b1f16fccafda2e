/**
 * Every locale's catalogue at once, with a translator per locale: what the server, the CLI
 * and the tests use. (The web app loads English and the page's locale only: app/i18n.tsx.)
 */
import de from "./messages/de/index.js";
import en from "./messages/en/index.js";
import fr from "./messages/fr/index.js";
import type { Messages } from "./catalogue.js";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales.js";
import { Translator } from "./translator.js";

export const CATALOGUES: Record<Locale, Partial<Messages>> = { en, de, fr };

const english = new Translator("en", en);
const translators: Record<Locale, Translator> = { en: english, de: new Translator("de", de, english), fr: new Translator("fr", fr, english) };

/** The translator of a locale; English for anything we do not speak. */
export function translator(locale: string | null | undefined): Translator {
  return translators[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
