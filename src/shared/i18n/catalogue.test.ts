import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues.js";
import { COMPLETE_LOCALES, LOCALES } from "./locales.js";
import { AREAS as DE_AREAS } from "./messages/de/index.js";
import en, { AREAS as EN_AREAS } from "./messages/en/index.js";
import { AREAS as FR_AREAS } from "./messages/fr/index.js";

/**
 * The checks that keep the catalogue whole: every complete locale has every English message
 * and no other, every translation uses exactly the English message's ICU arguments (same
 * names, same kinds: a plural stays a plural), and every area keeps to its own ids.
 */
const english = en as Record<string, string>;
const areasOf = { en: EN_AREAS, de: DE_AREAS, fr: FR_AREAS } as Record<string, Record<string, Record<string, string>>>;

/** argument name → its kind ("plural", "select", "number", "date", "tag", "simple"), over every branch. */
function argumentsOf(message: string): Record<string, string> {
  const out: Record<string, Set<string>> = {};
  const visit = (els: readonly MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      const kind = { [TYPE.argument]: "simple", [TYPE.number]: "number", [TYPE.date]: "date", [TYPE.time]: "date", [TYPE.select]: "select", [TYPE.plural]: "plural", [TYPE.tag]: "tag" }[el.type];
      (out[el.value] ??= new Set()).add(kind!);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) visit(o.value);
      if (el.type === TYPE.tag) visit(el.children);
    }
  };
  visit(parse(message));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort().join("+")]));
}

describe("the message catalogue", () => {
  it("parses every message of every locale as ICU MessageFormat", () => {
    const broken: string[] = [];
    for (const locale of LOCALES) {
      for (const [id, message] of Object.entries(CATALOGUES[locale] as Record<string, string>)) {
        try {
          parse(message);
        } catch (err) {
          broken.push(`${locale} ${id}: ${(err as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(COMPLETE_LOCALES.filter((l) => l !== "en"))("has every English message in %s, and no other", (locale) => {
    const keys = Object.keys(CATALOGUES[locale]);
    expect(Object.keys(english).filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !(k in english))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("uses the English arguments in every %s message", (locale) => {
    const differing: string[] = [];
    for (const [id, message] of Object.entries(CATALOGUES[locale] as Record<string, string>)) {
      expect(id in english, `${locale} has '${id}', which English does not`).toBe(true);
      const want = argumentsOf(english[id]!);
      const got = argumentsOf(message);
      if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(want).sort())) differing.push(`${id}: ${JSON.stringify(got)} ≠ English ${JSON.stringify(want)}`);
    }
    expect(differing).toEqual([]);
  });

  it("gives each id to one area, named after it, in every locale", () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const [area, messages] of Object.entries(EN_AREAS as Record<string, Record<string, string>>)) {
      for (const id of Object.keys(messages)) {
        if (owner.has(id)) problems.push(`'${id}' is in ${owner.get(id)} and ${area}`);
        owner.set(id, area);
        if (!id.startsWith(`${area}.`) && !id.startsWith("mail.")) problems.push(`'${id}' is in ${area} but does not start with '${area}.' (or 'mail.' for a mail)`);
      }
    }
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      for (const [area, messages] of Object.entries(areasOf[locale]!)) {
        for (const id of Object.keys(messages)) if (owner.get(id) !== area) problems.push(`${locale}/${area} has '${id}', which belongs to ${owner.get(id) ?? "no English area"}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps plurals and selects of a mail body inside one paragraph, since paragraphs are rendered one by one", () => {
    const broken: string[] = [];
    for (const locale of LOCALES) {
      for (const [id, message] of Object.entries(CATALOGUES[locale] as Record<string, string>)) {
        if (!/^mail\..+\.body$/.test(id)) continue;
        for (const paragraph of message.split(/\n\s*\n/)) {
          try {
            parse(paragraph);
          } catch {
            broken.push(`${locale} ${id}: ${paragraph.slice(0, 40)}…`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
