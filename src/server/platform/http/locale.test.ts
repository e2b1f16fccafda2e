import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { json, useTestApp } from "../../test-support/app.js";
import { makeCommunity, makeUser } from "../../test-support/factories.js";
import { users } from "../auth/tables.js";
import { outbox } from "../mail/tables.js";
import { localisedPages } from "./locale.js";

const t = useTestApp();
type Err = { error: { code: string; message: string; fields?: Record<string, string[]> } };

describe("the language of a request", () => {
  it("is Accept-Language for a stranger, the lang cookie over it, and the account's setting over both", async () => {
    const url = "/api/v1/communities/no-such-community-here";
    const stranger = await t().app.inject({ method: "GET", url, headers: { "accept-language": "de-DE,de;q=0.9,en;q=0.5" } });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.headers["content-language"]).toBe("de");
    expect(json<Err>(stranger).error).toMatchObject({ code: "not_found", message: "Die Community „no-such-community-here“ wurde nicht gefunden." });

    const cookie = await t().app.inject({ method: "GET", url: "/api/v1/nothing-here", headers: { "accept-language": "de", cookie: "lang=en" } });
    expect(json<Err>(cookie).error.message).toBe("No such address: GET /api/v1/nothing-here");
    const german = await t().app.inject({ method: "GET", url: "/api/v1/nothing-here", headers: { "accept-language": "en", cookie: "lang=de" } });
    expect(json<Err>(german).error.message).toBe("Diese Adresse gibt es nicht: GET /api/v1/nothing-here");

    const me = await makeUser(t().ctx);
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, me.id));
    const account = await t().app.inject({ method: "POST", url: "/api/v1/account/tokens", headers: { ...me.headers, cookie: `${me.headers.cookie}; lang=en`, "accept-language": "en" }, payload: { name: "" } });
    expect(account.statusCode).toBe(400);
    expect(account.headers["content-language"]).toBe("de");
    expect(json<Err>(account).error.message).toBe("Die Anfrage hat ein ungültiges Feld.");
  });

  it("keeps the error code and renders the message and field messages of validation in that language", async () => {
    const org = await makeUser(t().ctx);
    const c = await makeCommunity(t().ctx, { organiserId: org.id });
    const body = { kind: "party", slug: "x", name: "Hack", timeZone: "Europe/London", startDate: "2030-05-29", endDate: "2030-05-30", surprise: true };
    const en = json<Err>(await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: org.headers, payload: body }));
    await t().ctx.db.update(users).set({ locale: "de" }).where(eq(users.id, org.id));
    const de = json<Err>(await t().app.inject({ method: "POST", url: `/api/v1/communities/${c.slug}/events`, headers: org.headers, payload: body }));
    expect(de.error.code).toBe(en.error.code);
    expect(en.error.message).toBe("The request has invalid fields.");
    expect(de.error.message).toBe("Die Anfrage hat ungültige Felder.");
    expect(Object.keys(de.error.fields!).sort()).toEqual(Object.keys(en.error.fields!).sort());
    expect(de.error.fields!.body).toEqual(["Unbekanntes Feld: surprise."]);
    expect(en.error.fields!.body).toEqual(["Unknown field: surprise."]);
  });

  it("falls back to English, string by string, in a partial locale", async () => {
    const res = await t().app.inject({ method: "GET", url: "/api/v1/nothing", headers: { "accept-language": "fr-CH, fr;q=0.9" } });
    expect(res.headers["content-language"]).toBe("fr");
    expect(json<Err>(res).error.message).toBe("No such address: GET /api/v1/nothing");
  });

  it("sends mail in the recipient's language", async () => {
    const email = `lang-${Date.now()}@example.org`;
    const res = await t().app.inject({ method: "POST", url: "/api/v1/auth/sign-up", headers: { "accept-language": "en" }, payload: { email, name: "Grete", password: "lange-genug-1", locale: "de" } });
    expect(res.statusCode).toBeLessThan(300);
    const [mail] = await t().ctx.db.select().from(outbox).where(eq(outbox.to, email));
    expect(mail!.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Plenary");
    expect(mail!.text).toContain("Hallo Grete,");
    expect(mail!.html).toContain(">Meine Adresse bestätigen</a>");
    expect(mail!.html).toContain('<html lang="de">');
  });
});

describe("the web app's page", () => {
  it("is served once per locale with <html lang> and its description in that language", () => {
    const pages = localisedPages('<!doctype html><html lang="en"><head><meta name="description" content="x" /></head></html>');
    expect(pages.de).toContain('<html lang="de">');
    expect(pages.de).toContain('content="Plenary: Hackathons, Konferenzen und Vorträge von Open-Source-Communitys."');
    expect(pages.fr).toContain('<html lang="fr">');
    expect(pages.en).toContain('content="Plenary: hackathons, conferences and talks of open-source communities."');
  });
});
