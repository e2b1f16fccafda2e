import { describe, expect, it } from "vitest";
import { apiSession, escapeRe, useBrowserSuite } from "./support.js";

/**
 * Talks on the road and announcements on the demo, in Chromium against the built server:
 * "near me" from a typed city, the March 2014 archive, and a subscription that goes through
 * the real SMTP peer with its List-Unsubscribe headers.
 */
const suite = useBrowserSuite();
const DEMO_PASSWORD = "plenary-demo";

describe("talks on the road", () => {
  it("finds the talks nearest to Munich first, with distances in km, the added European talk ahead of Denver and Napa", async () => {
    const base = suite().server.baseUrl;
    const speaker = await apiSession(base, "speaker@example.org", DEMO_PASSWORD);
    const organiser = await apiSession(base, "organiser@example.org", DEMO_PASSWORD);
    const proposed = (await speaker("POST", "/communities/xen-project/road/talks", {
      title: "Xen on ARM servers (test talk)",
      startsLocal: "2030-10-21T10:00",
      endsLocal: "2030-10-21T10:40",
      speakers: [{ name: "Demo Speaker", affiliation: "Example Org", accountEmail: "speaker@example.org" }],
      topics: ["arm"],
      newEvent: { name: "Example Open Source Days", city: "Vienna", country: "Austria", latitude: 48.20849, longitude: 16.37208, timeZone: "Europe/Vienna", startDate: "2030-10-20", endDate: "2030-10-22" },
    })) as { id: string };
    await organiser("POST", `/communities/xen-project/road/talks/${proposed.id}/decision`, { decision: "approve" });

    const p = await suite().newPage();
    await p.goto("/communities/xen-project");
    await p.getByRole("link", { name: "Talks on the road" }).click();
    await p.getByRole("heading", { name: "Talks on the road", level: 1 }).waitFor();
    await p.getByText("Xen on ARM servers (test talk)").waitFor(); // upcoming: only the new one
    await p.getByRole("radio", { name: "All" }).check();
    const city = p.getByRole("combobox", { name: "Near a city" });
    await city.pressSequentially("Munich", { delay: 30 });
    await p.getByRole("option", { name: "Munich, Germany" }).click();
    await p.getByText("nearest to Munich, Germany first").waitFor();
    const cards = p.locator(".road-talk");
    await expect.poll(() => cards.count()).toBe(8);
    const rows = await cards.evaluateAll((els) => els.map((el) => ({ title: el.querySelector("h4")?.textContent ?? "", where: el.querySelector(".road-where")?.textContent ?? "", km: el.querySelector(".road-distance")?.textContent ?? "" })));
    expect(rows[0]).toMatchObject({ title: "Xen on ARM servers (test talk)", km: expect.stringMatching(/^\d{3} km$/) });
    expect(rows.slice(1, 4).every((r) => r.where.includes("Denver"))).toBe(true);
    expect(rows.slice(4).every((r) => r.where.includes("Napa"))).toBe(true);
    const km = rows.map((r) => Number(r.km.replace(/[^\d]/g, "")));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(km[1]).toBeGreaterThan(8000);
    // The address holds the selection, and the feeds are offered for exactly it.
    expect(p.url()).toMatch(/place=2867714/);
    const ical = await p.getByRole("link", { name: "iCalendar" }).getAttribute("href");
    expect(ical).toMatch(new RegExp(`^${escapeRe(base)}/api/v1/communities/xen-project/road/calendar\\.ics\\?when=all&place=2867714$`));
    // Offline, the map gives way to the list.
    await p.getByText("The map could not be loaded").waitFor();
    await p.screenshot({ path: "/tmp/plenary-e2e-road-near-munich.png", fullPage: true });
  });

  it("answers a misspelt city with suggestions", async () => {
    const p = await suite().newPage();
    await p.goto("/communities/xen-project/road?when=all");
    await p.getByRole("combobox", { name: "Near a city" }).pressSequentially("Muncih", { delay: 30 });
    await p.getByText("Did you mean").waitFor();
    await p.getByRole("option", { name: "Munich, Germany" }).waitFor();
  });
});

describe("announcements", () => {
  it("opens 'Monthly Archives: March 2014' with the five posts", async () => {
    const p = await suite().newPage();
    await p.goto("/communities/xen-project");
    await p.getByRole("link", { name: "Announcements" }).click();
    await p.getByRole("link", { name: "March 2014" }).click();
    await p.getByRole("heading", { name: "Monthly Archives: March 2014", level: 1 }).waitFor();
    const titles = await p.locator(".post-summary h2").allTextContents();
    expect(titles).toHaveLength(5);
    expect(titles[0]).toContain("Hackathon 2014");
    expect(titles[4]).toContain("Developer Summit 2014");
    await p.screenshot({ path: "/tmp/plenary-e2e-march-2014.png", fullPage: true });
  });

  it("subscribes with double opt-in and mails a published post with a one-click List-Unsubscribe", async () => {
    const base = suite().server.baseUrl;
    const email = `reader-${Date.now()}@example.org`;
    const p = await suite().newPage();
    await p.goto("/communities/xen-project/announcements");
    await p.getByLabel("Get announcements by mail").fill(email);
    await p.getByRole("button", { name: "Subscribe" }).click();
    await p.getByText("We have sent a confirmation link").waitFor();
    const link = await suite().smtp.waitForLink(email, new RegExp(`${escapeRe(base)}/subscriptions/confirm\\?token=[\\w-]+`));
    await p.goto(link);
    await p.getByRole("button", { name: "Yes, send me the announcements" }).click();
    await p.getByText("You will get the announcements of Xen Project by mail.").waitFor();

    const organiser = await apiSession(base, "organiser@example.org", DEMO_PASSWORD);
    const post = (await organiser("POST", "/communities/xen-project/announcements", { title: "A test announcement", body: "Hello **subscribers**.", notifySubscribers: true })) as { slug: string };
    await organiser("POST", `/communities/xen-project/announcements/${post.slug}/publish`, { at: null });
    const unsubscribe = await suite().smtp.waitForLink(email, new RegExp(`${escapeRe(base)}/api/v1/subscriptions/unsubscribe\\?token=[\\w-]+`), { subject: /A test announcement/ });
    const mail = suite().smtp.messages.find((m) => m.to.includes(email) && /A test announcement/.test(m.subject))!;
    const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(head).toMatch(new RegExp(`^List-Unsubscribe: <${escapeRe(unsubscribe)}>`, "m"));
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    // What a mail program does on "unsubscribe": a form POST, no cookies.
    const res = await fetch(unsubscribe, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { state: string }).state).toBe("unsubscribed");
  });
});
