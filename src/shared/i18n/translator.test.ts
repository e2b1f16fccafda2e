import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { msg, msgId } from "./catalogue.js";
import { translator } from "./catalogues.js";
import { formatDateRange, formatInstant, formatMoney } from "./format.js";
import { reportProblemsTo, Translator, type I18nProblem } from "./translator.js";
import { issueMessage, LOCALISED } from "./zod.js";

const en = translator("en");
const de = translator("de");

describe("translating", () => {
  afterEach(() => reportProblemsTo(() => undefined));

  it("formats ICU plurals and numbers by the locale's rules", () => {
    expect(en.t("errors.rateLimited", { seconds: 1 })).toBe("Too many attempts. Try again in 1 second.");
    expect(de.t("errors.rateLimited", { seconds: 30 })).toBe("Zu viele Versuche. Versuchen Sie es in 30 Sekunden erneut.");
    expect(de.t("validation.tooSmall", { minimum: 1000, inclusive: "true" })).toBe("Verwenden Sie mindestens 1.000.");
    expect(en.t("validation.tooShort", { minimum: 1 })).toBe("Fill this in.");
    expect(en.t("validation.tooShort", { minimum: 2 })).toBe("Use at least 2 characters.");
  });

  it("falls back to English per string, reporting each missing message once and never showing its id", () => {
    const problems: I18nProblem[] = [];
    reportProblemsTo((p) => problems.push(p));
    const partial = new Translator("fr", { "common.save": "Enregistrer" }, en);
    expect(partial.t("common.save")).toBe("Enregistrer");
    expect(partial.t("common.cancel")).toBe("Cancel");
    expect(partial.t("common.cancel")).toBe("Cancel");
    expect(problems.filter((p) => p.id === "common.cancel")).toEqual([{ kind: "missing", locale: "fr", id: "common.cancel" }]);
    // An unknown locale is English.
    expect(translator("xx").t("common.save")).toBe("Save");
  });

  it("falls back to English when a translation cannot be formatted", () => {
    const problems: I18nProblem[] = [];
    reportProblemsTo((p) => problems.push(p));
    const broken = new Translator("de", { "errors.noSuchAddress": "Adresse {methode} {path}" }, en);
    expect(broken.t("errors.noSuchAddress", { method: "GET", path: "/x" })).toBe("No such address: GET /x");
    expect(problems[0]).toMatchObject({ kind: "format", locale: "de", id: "errors.noSuchAddress" });
  });

  it("renders error texts: catalogue messages in the locale, final text as it is", () => {
    expect(de.text(msg("errors.forbidden"))).toBe("Dazu haben Sie keine Berechtigung.");
    expect(de.text("Schon fertig.")).toBe("Schon fertig.");
  });

  it("puts elements into rich messages", () => {
    const parts = en.rich<{ b: unknown }>("layout.footer.tagline", { strong: (chunks) => ({ b: chunks }) });
    expect(parts).toEqual([{ b: ["Plenary"] }, " — events for open-source communities."]);
  });
});

describe("Zod messages", () => {
  const schema = z.object({ name: z.string().min(1, msgId("validation.required")).max(5), n: z.number().int(), kind: z.enum(["a", "b"]), legacy: z.string().min(3, "Three, please.") }).strict();
  const known = (id: string) => en.has(id);
  const render = (locale: "en" | "de", value: unknown) => {
    const r = schema.safeParse(value, LOCALISED);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${translator(locale).text(issueMessage(i, known))}`);
  };

  it("are catalogue messages with the issue's numbers, in either language", () => {
    expect(render("en", { name: "toolong", n: 1.5, kind: "c", legacy: "x", extra: 1 })).toEqual([
      "name: Use at most 5 characters.",
      "n: Enter a whole number.",
      "kind: Choose one of: a, b.",
      "legacy: Three, please.",
      ": Unknown field: extra.",
    ]);
    expect(render("de", { name: "", kind: "a", legacy: "xyz" })).toEqual(["name: Bitte füllen Sie dieses Feld aus.", "n: Bitte füllen Sie dieses Feld aus."]);
  });
});

describe("dates and money in the locale", () => {
  it("writes ranges, instants with their zone, and exact amounts", () => {
    expect(formatDateRange("de", "2014-05-29", "2014-05-30")).toBe("29.–30. Mai 2014");
    expect(formatDateRange("en", "2014-05-30", "2014-06-02").replace(/\u2009/g, " ")).toBe("30 May – 2 June 2014");
    expect(formatInstant("en", "2014-05-03T04:59:00Z", "America/Chicago")).toBe("Friday, 2 May 2014 at 23:59 (America/Chicago)");
    expect(formatInstant("de", "2014-05-03T04:59:00Z", "America/Chicago", "time", { zone: false })).toBe("23:59");
    expect(formatMoney("de", 123456789, "EUR").replace(/\u00a0/g, " ")).toBe("1.234.567,89 €");
    expect(formatMoney("en", -1500, "JPY")).toBe("-JP¥1,500");
    expect(formatMoney("en", 5, "XYZ1")).toBe("XYZ1 0.05");
  });
});
