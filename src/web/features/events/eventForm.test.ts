import { afterEach, describe, expect, it } from "vitest";
import { createEventBody } from "../../../server/features/events/schema.js";
import { begin } from "../../app/i18n.js";
import { emptyEventValues, slugify, toEventBody, valuesFromEvent } from "./eventForm.js";

async function inLocale(lang: string) {
  globalThis.document = { documentElement: { lang } } as unknown as Document;
  await begin();
}
afterEach(() => inLocale("en"));

describe("toEventBody", () => {
  const filled = { ...emptyEventValues("Europe/London"), name: "Xen Project Hackathon 2015", slug: "hackathon-2015", startDate: "2015-05-28", endDate: "2015-05-29", city: "Shanghai" };
  it("makes a body the shared schema accepts", () => {
    const { body, fields } = toEventBody({ ...filled, latitude: "51.5", longitude: "-0,43", capacity: "80", cfpClosesAt: "2015-04-30T23:59" });
    expect(fields).toEqual({});
    expect(body).toMatchObject({ latitude: 51.5, longitude: -0.43, capacity: 80, website: null, cfpClosesAt: "2015-04-30T22:59:00.000Z" });
    expect(createEventBody.safeParse(body).success).toBe(true);
  });
  it("turns empty optional fields into null", () => {
    const { body } = toEventBody(filled);
    expect(body).toMatchObject({ latitude: null, longitude: null, capacity: null, website: null, cfpClosesAt: null });
  });
  it("reports unreadable numbers and deadlines by field", () => {
    const { fields } = toEventBody({ ...filled, latitude: "north", capacity: "lots", timeZone: "Nowhere", cfpClosesAt: "2015-04-30T23:59" });
    expect(Object.keys(fields).sort()).toEqual(["capacity", "cfpClosesAt", "latitude"]);
    expect(toEventBody({ ...filled, startDate: "", endDate: "" }).fields).toEqual({ startDate: ["Enter the first day."], endDate: ["Enter the last day."] });
  });
  it("says so in the page's language", async () => {
    await inLocale("de");
    expect(toEventBody({ ...filled, startDate: "", capacity: "viele" }).fields).toEqual({ startDate: ["Geben Sie den ersten Tag ein."], capacity: ["Geben Sie eine ganze Zahl ein oder lassen Sie das Feld leer."] });
  });
});

describe("valuesFromEvent", () => {
  it("shows the deadline in the event's zone", () => {
    const v = valuesFromEvent({
      ...emptyEventValues(),
      id: "00000000-0000-4000-8000-000000000000",
      communitySlug: "x",
      communityName: "X",
      kind: "conference",
      timeZone: "America/Chicago",
      latitude: null,
      longitude: 2,
      capacity: null,
      website: null,
      cfpClosesAt: "2014-05-03T04:59:00.000Z",
      descriptionHtml: "",
      talks: [],
      can: { update: true, manageRoles: true },
    });
    expect(v.cfpClosesAt).toBe("2014-05-02T23:59");
    expect(v.latitude).toBe("");
    expect(v.longitude).toBe("2");
  });
});

describe("slugify", () => {
  it("makes addresses from names", () => {
    expect(slugify("Xen Project Hackathon 2015")).toBe("xen-project-hackathon-2015");
    expect(slugify("  Café – Zürich!  ")).toBe("cafe-zurich");
  });
});
