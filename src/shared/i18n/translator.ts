import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat, type FormatXMLElementFn, type PrimitiveType } from "intl-messageformat";
import type { Locale } from "./locales.js";
import { isMsg, type MessageId, type Text, type Values } from "./catalogue.js";
import { INTL_TAG } from "./format.js";
import { settleJunctions, VALUE_END } from "./punctuation.js";

/** Something wrong with a message at run time: reported once per locale and id, never shown. */
export interface I18nProblem {
  kind: "missing" | "format";
  locale: Locale;
  id: string;
  error?: string;
}
export type ProblemSink = (p: I18nProblem) => void;

let sink: ProblemSink = (p) => console.warn(`i18n: ${p.kind === "missing" ? "no translation" : "cannot format"} for '${p.id}' in ${p.locale}${p.error ? `: ${p.error}` : ""}; English is shown`);
const reported = new Set<string>();

/** Where problems go: the server sends them to its log; the web app leaves them on the console. */
export function reportProblemsTo(next: ProblemSink): void {
  sink = next;
}

function report(p: I18nProblem): void {
  const key = `${p.kind}:${p.locale}:${p.id}`;
  if (reported.has(key)) return;
  reported.add(key);
  sink(p);
}

/**
 * Formats catalogue messages in one locale with ICU MessageFormat (FormatJS
 * intl-messageformat): plurals, selects, numbers and dates follow the locale's rules. Each
 * message is compiled once and kept. A message this locale lacks, or cannot format, falls
 * back to English for that string alone and is reported once; a raw id is never returned.
 */
export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();
  /** Per message, the arguments whose value is written out as text (not a plural, select, number or date). */
  private readonly textArguments = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly locale: Locale,
    private readonly messages: Readonly<Partial<Record<string, string>>>,
    /** The English translator; absent for English itself. */
    private readonly fallback?: Translator,
  ) {}

  /** Whether this locale (or, failing it, English) has the message. */
  has(id: string): id is MessageId {
    return this.messages[id] !== undefined || (this.fallback?.has(id) ?? false);
  }

  /** The message as plain text, with one punctuation mark where a value's own meets the message's (punctuation.ts). */
  t(id: MessageId, values?: Values): string {
    const marked = values ? this.markValueEnds(id, values) : undefined;
    const out = this.format<never>(id, marked ?? values);
    const text = Array.isArray(out) ? out.join("") : String(out);
    return marked ? settleJunctions(text) : text;
  }

  /** An error or field message: a catalogue message is formatted, final text passes through. */
  text(t: Text): string {
    return isMsg(t) ? this.t(t.id, t.values) : t;
  }

  /**
   * The message with rich parts: values may be elements, and `<tag>…</tag>` in the message
   * calls the function given for `tag` with its content (the web app passes React nodes).
   */
  rich<T>(id: MessageId, values?: Record<string, PrimitiveType | T | FormatXMLElementFn<T>>): string | T | (string | T)[] {
    return this.format<T>(id, values);
  }

  /** The message source in this locale (or English), e.g. for an organiser to start editing a mail from. */
  source(id: MessageId): string {
    const own = this.messages[id];
    if (own !== undefined) return own;
    if (this.fallback) {
      report({ kind: "missing", locale: this.locale, id });
      return this.fallback.source(id);
    }
    report({ kind: "missing", locale: this.locale, id });
    return "";
  }

  /** The values with VALUE_END after each text value; undefined when there is nothing to mark. */
  private markValueEnds(id: MessageId, values: Values): Values | undefined {
    const names = this.textArgumentsOf(id);
    let marked: Values | undefined;
    for (const [name, value] of Object.entries(values)) {
      // An empty value has no end of its own: the mark before it is the message's.
      if (typeof value !== "string" || value === "" || !names.has(name)) continue;
      // A value carrying the marker itself is left alone, and so is the whole message.
      if (value.includes(VALUE_END)) return undefined;
      (marked ??= { ...values })[name] = value + VALUE_END;
    }
    return marked;
  }

  private textArgumentsOf(id: MessageId): ReadonlySet<string> {
    const known = this.textArguments.get(id);
    if (known) return known;
    const own = this.messages[id];
    if (own === undefined) return this.fallback?.textArgumentsOf(id) ?? new Set();
    const names = new Set<string>();
    const other = new Set<string>();
    const visit = (els: readonly MessageFormatElement[]) => {
      for (const el of els) {
        if (el.type === TYPE.argument) names.add(el.value);
        else if (el.type === TYPE.plural || el.type === TYPE.select) {
          other.add(el.value);
          for (const o of Object.values(el.options)) visit(o.value);
        } else if (el.type === TYPE.tag) visit(el.children);
        else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) other.add(el.value);
      }
    };
    try {
      visit(this.compile(id, own).getAst());
    } catch {
      // A message that does not parse is reported when it is formatted; nothing to mark.
    }
    // An argument that also chooses a branch must keep its value exactly.
    for (const n of other) names.delete(n);
    this.textArguments.set(id, names);
    return names;
  }

  private compile(id: string, source: string): IntlMessageFormat {
    let f = this.compiled.get(id);
    if (!f) {
      f = new IntlMessageFormat(source, INTL_TAG[this.locale]);
      this.compiled.set(id, f);
    }
    return f;
  }

  private format<T>(id: MessageId, values?: Record<string, PrimitiveType | T | FormatXMLElementFn<T>>): string | T | (string | T)[] {
    const own = this.messages[id];
    if (own === undefined) {
      report({ kind: "missing", locale: this.locale, id });
      return this.fallback ? this.fallback.format(id, values) : "";
    }
    try {
      return this.compile(id, own).format<T>(values);
    } catch (err) {
      report({ kind: "format", locale: this.locale, id, error: (err as Error).message });
      if (this.fallback) return this.fallback.format(id, values);
      // English itself cannot be formatted (a value is missing): its words beat nothing.
      return own;
    }
  }
}
