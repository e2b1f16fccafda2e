import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import type { MessageId, Values } from "./catalogue.js";
import { CATALOGUES, translator } from "./catalogues.js";
import { COMPLETE_LOCALES } from "./locales.js";
import en from "./messages/en/index.js";
import { DOUBLED_PUNCTUATION, settleJunctions, VALUE_END } from "./punctuation.js";

/**
 * No message comes out with doubled punctuation, in any complete locale: not where a form's
 * error summary puts a label before a field message, nor where a message puts a mark after
 * a value that ends in one.
 */
const ids = Object.keys(en) as MessageId[];
const srcDir = join(import.meta.dirname, "../..");

/** Every id a shared schema gives as a field message, and the generic ones of `zodErrorMap`. */
function fieldErrorIds(): MessageId[] {
  const found = new Set<string>(ids.filter((id) => id.startsWith("validation.")));
  for (const file of readdirSync(join(srcDir, "server"), { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
    const source = readFileSync(join(srcDir, "server", file), "utf8");
    for (const m of source.matchAll(/msgId\("([^"]+)"\)/g)) found.add(m[1]!);
    // Field messages a service raises: `{ field: [msg("…")] }`.
    for (const m of source.matchAll(/\[\s*msg\("([^"]+)"/g)) found.add(m[1]!);
  }
  return [...found].filter((id): id is MessageId => id in en).sort();
}

/** Values for every argument of a message: numbers for plurals, the first branch for selects, `text` for text. */
function sampleValues(message: string, text: string): Values & Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const visit = (els: readonly MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) values[el.value] ??= text;
      else if (el.type === TYPE.number || el.type === TYPE.plural) values[el.value] = 2;
      else if (el.type === TYPE.date || el.type === TYPE.time) values[el.value] = new Date(Date.UTC(2014, 4, 29));
      else if (el.type === TYPE.tag) {
        values[el.value] = (chunks: string[]) => chunks.join("");
        visit(el.children);
      }
      if (el.type === TYPE.select) values[el.value] = Object.keys(el.options).find((k) => k !== "other") ?? "other";
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) visit(o.value);
    }
  };
  visit(parse(message));
  return values as Values;
}

describe("where a value meets the message's punctuation", () => {
  it("keeps one mark", () => {
    const j = (s: string) => settleJunctions(s.replaceAll("|", VALUE_END));
    expect(j("What do you want to work on?|: Tell us.|")).toBe("What do you want to work on? Tell us.");
    expect(j("skipped: a@example.org (No live request from this address.|).")).toBe("skipped: a@example.org (No live request from this address).");
    expect(j("(Why?|).")).toBe("(Why?)");
    expect(j("(Why?|):")).toBe("(Why?):");
    expect(j("Done.|.")).toBe("Done.");
    expect(j("Unknown fields: a, b,|.")).toBe("Unknown fields: a, b.");
    expect(j("Name|: text")).toBe("Name: text");
    expect(j("Dear Acme Inc.|, welcome")).toBe("Dear Acme Inc., welcome");
    expect(j("Why?|, she asked")).toBe("Why? she asked");
    expect(j("plain text")).toBe("plain text");
  });

  it("is what the translator does with text values, and only with them", () => {
    const en = translator("en");
    expect(en.t("errors.form.fieldMessage", { field: "What do you want to work on?", message: "Tell us what you want to work on." })).toBe("What do you want to work on? Tell us what you want to work on.");
    expect(en.t("errors.form.fieldMessage", { field: "Name", message: "Fill this in." })).toBe("Name: Fill this in.");
    expect(en.t("errors.oidc.refused", { provider: "Example ID", reason: "The user cancelled." })).toBe("Example ID did not sign you in (The user cancelled).");
    const de = translator("de");
    expect(de.t("errors.form.fieldMessage", { field: "Woran möchten Sie arbeiten?", message: "Bitte ausfüllen." })).toBe("Woran möchten Sie arbeiten? Bitte ausfüllen.");
    // A select's value chooses a branch: it is never touched.
    expect(en.t("events.home.noPast", { filtered: "yes" })).toBe("No past events match this filter.");
    // A value that carries the marker character is left as it was given.
    expect(en.t("errors.form.fieldMessage", { field: `a${VALUE_END}`, message: "b" })).toBe(`a${VALUE_END}: b`);
  });
});

describe.each(COMPLETE_LOCALES)("no doubled punctuation in %s", (locale) => {
  const tr = translator(locale);
  const messages = CATALOGUES[locale] as Record<string, string>;
  const fieldErrors = fieldErrorIds();

  it("finds the field messages to check", () => {
    expect(fieldErrors.length).toBeGreaterThan(60);
    expect(fieldErrors).toContain("events.form.nameRequired");
    expect(fieldErrors).toContain("validation.tooLong");
  });

  it("in a form's error summary, whatever the label ends with", () => {
    // Labels end in a letter, a question mark, a colon, a full stop, a bracket…: one label per
    // ending found among the catalogue's short texts, and the questions forms ask.
    const byEnding = new Map<string, string>();
    for (const text of Object.values(messages)) if (text.length < 60 && !text.includes("{")) byEnding.set(text.at(-1)!, text);
    const labels = [...byEnding.values(), "What do you want to work on?", "Woran möchten Sie arbeiten?", "Your answer:", "Name"];
    const problems: string[] = [];
    for (const id of fieldErrors) {
      for (const sample of ["x", "Example Inc.", "Why?"]) {
        const message = tr.t(id, sampleValues(messages[id]!, sample));
        for (const field of labels) {
          const line = tr.t("errors.form.fieldMessage", { field, message });
          if (DOUBLED_PUNCTUATION.test(line)) problems.push(`${id} after '${field}': ${line}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("in every message, whatever its text values end with", () => {
    const problems: string[] = [];
    for (const id of ids) {
      const source = messages[id];
      if (source === undefined) continue;
      // What the message writes itself (with plain values) is what its authors chose.
      if (DOUBLED_PUNCTUATION.test(tr.t(id, sampleValues(source, "x")))) problems.push(`${id} has doubled punctuation of its own`);
      for (const sample of ["Example Inc.", "Why?", "one, two,", "No live request from this address."]) {
        const out = tr.t(id, sampleValues(source, sample));
        if (DOUBLED_PUNCTUATION.test(out)) problems.push(`${id} with '${sample}': ${out}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
