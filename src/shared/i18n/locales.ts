/**
 * The locales Plenary speaks. English is the source language and the fallback of every
 * string; a locale listed in COMPLETE_LOCALES must translate every message (the catalogue
 * test checks it), any other may be partial and shows English where it has no translation.
 */
export const LOCALES = ["en", "de", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";
export const COMPLETE_LOCALES: readonly Locale[] = ["en", "de"];

/** Each language by its own name, as a language switcher shows it (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "Français" };

export function isLocale(s: unknown): s is Locale {
  return typeof s === "string" && (LOCALES as readonly string[]).includes(s);
}

/** "de-AT", "DE", "de_CH" → "de"; anything we do not speak → undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/** The name of the cookie the language switcher sets. */
export const LOCALE_COOKIE = "lang";
