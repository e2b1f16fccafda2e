/**
 * Dates, times, numbers and money through Intl in the reader's locale: one set of helpers
 * for the server (mails) and the web app. Calendar dates ("2014-05-29", an event's days at
 * its venue) carry no zone and are shown as written; instants are shown in the event's zone
 * with the zone named, so a reader elsewhere is not misled. Formatters are built once per
 * locale, zone and style: building one costs far more than using it.
 */
import type { Locale } from "./locales.js";

/** The Intl locale each of our locales formats with (English is British: day before month, 24-hour clock). */
export const INTL_TAG: Record<Locale, string> = { en: "en-GB", de: "de-DE", fr: "fr-FR" };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => F): F {
  let f = cache.get(key) as F | undefined;
  if (!f) {
    f = make();
    // Bounded: zones and currencies come from data, so the key space is open.
    if (cache.size > 2000) cache.clear();
    cache.set(key, f);
  }
  return f;
}

const DATE_STYLES = {
  /** 29 May 2014 */
  long: { day: "numeric", month: "long", year: "numeric" },
  /** 29 May 2014, months abbreviated */
  short: { day: "numeric", month: "short", year: "numeric" },
  /** Thursday, 29 May 2014 */
  weekday: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** May */
  monthShort: { month: "short" },
  /** March 2014 (a month's archive, a month of talks) */
  monthYear: { month: "long", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

function dateFormat(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: "UTC", ...DATE_STYLES[style] }));
}

const calendarDay = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A calendar date (YYYY-MM-DD) as the locale writes it. */
export function formatDate(locale: Locale, isoDate: string, style: DateStyle = "long"): string {
  return dateFormat(locale, style).format(calendarDay(isoDate));
}

/** "29–30 May 2014", "30 May – 2 June 2014", "29. Mai – 2. Juni 2014": what two dates share is written once. */
export function formatDateRange(locale: Locale, start: string, end: string, style: "long" | "short" = "long"): string {
  if (end <= start) return formatDate(locale, start, style);
  return dateFormat(locale, style).formatRange(calendarDay(start), calendarDay(end));
}

const INSTANT_STYLES = {
  /** Friday, 2 May 2014 at 23:59 */
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** 2 May 2014, 23:59 */
  medium: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** 23:59 */
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type InstantStyle = keyof typeof INSTANT_STYLES;

/**
 * An instant as wall-clock time in `timeZone`, followed by the zone's name unless
 * `zone: false` (a time on a page that names the zone once, a list of times of one day).
 */
export function formatInstant(locale: Locale, instant: Date | string, timeZone: string, style: InstantStyle = "long", opts: { zone?: boolean } = {}): string {
  const f = cached(`i|${locale}|${timeZone}|${style}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone, ...INSTANT_STYLES[style] }));
  const text = f.format(typeof instant === "string" ? new Date(instant) : instant);
  return opts.zone === false ? text : `${text} (${timeZone})`;
}

/** An instant in the reader's own zone (when a mail arrived, a token was used): no zone named. */
export function formatStamp(locale: Locale, instant: Date | string): string {
  const f = cached(`s|${locale}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], INSTANT_STYLES.medium));
  return f.format(typeof instant === "string" ? new Date(instant) : instant);
}

export function formatNumber(locale: Locale, n: number): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(INTL_TAG[locale])).format(n);
}

/** "1,250 km", "1.250 km": a distance in kilometres, whole kilometres unless it is short. */
export function formatDistance(locale: Locale, km: number): string {
  return cached(`k|${locale}`, () => new Intl.NumberFormat(INTL_TAG[locale], { style: "unit", unit: "kilometer", maximumFractionDigits: 1 })).format(km);
}

/** Digits after the decimal point of an ISO 4217 currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return cached(`c|en|${currency}`, () => new Intl.NumberFormat("en", { style: "currency", currency })).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 1500 minor units with 2 digits → "15.00", by integer arithmetic: no binary fraction ever rounds a cent. */
function exactDecimal(minorUnits: number, digits: number): string {
  const abs = Math.abs(minorUnits);
  const unit = 10 ** digits;
  return `${minorUnits < 0 ? "-" : ""}${Math.floor(abs / unit)}${digits ? `.${String(abs % unit).padStart(digits, "0")}` : ""}`;
}

/**
 * An amount in minor units (1500 = 15.00) of an ISO 4217 currency, in the locale's way
 * ("€15.00", "15,00 €"). The decimal is built by integer arithmetic and handed to Intl as a
 * string, so no binary fraction ever rounds a cent.
 */
export function formatMoney(locale: Locale, minorUnits: number, currency: string): string {
  const d = currencyDigits(currency);
  const decimal = exactDecimal(minorUnits, d);
  try {
    const f = cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(INTL_TAG[locale], { style: "currency", currency }));
    // A string is formatted as the exact decimal it spells (Intl.NumberFormat v3).
    return f.format(decimal as unknown as number);
  } catch {
    return `${currency} ${decimal}`;
  }
}

/**
 * An amount with its currency's code, as ledgers and registration's mails show money: "USD
 * 1,500.00" / "USD 1.500,00" (the code is never ambiguous, unlike "$"). Exact, as formatMoney.
 */
export function formatAmount(locale: Locale, minorUnits: number, currency: string): string {
  const d = currencyDigits(currency);
  const decimal = exactDecimal(minorUnits, d);
  const f = cached(`a|${locale}|${d}`, () => new Intl.NumberFormat(INTL_TAG[locale], { minimumFractionDigits: d, maximumFractionDigits: d }));
  return `${currency} ${f.format(decimal as unknown as number)}`;
}

/** "a, b and c" / "a, b und c". */
export function formatList(locale: Locale, items: readonly string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  return cached(`l|${locale}|${type}`, () => new Intl.ListFormat(INTL_TAG[locale], { type })).format(items);
}
