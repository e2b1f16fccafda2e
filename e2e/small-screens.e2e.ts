import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiSession, useBrowserSuite } from "./support.js";

/**
 * The web app on a phone (390 × 844, an iPhone 12–15) and with text people really type: a
 * 120-character name without a space, pasted text longer than a field's limit. Against the
 * demo instance, whose banner says what it is.
 */
const suite = useBrowserSuite();
const PHONE = { width: 390, height: 844 };
const LONG_NAME = "W".repeat(120);

/** How far the page can be scrolled sideways (0 when nothing overflows). */
const sidewaysOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** How many lines the header's parts sit on. */
async function headerLines(p: Page): Promise<number> {
  const centres = await p.locator(".site-header a, .site-header button").evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => r.top + r.height / 2),
  );
  const lines: number[] = [];
  for (const c of centres.sort((a, b) => a - b)) if (!lines.some((l) => Math.abs(l - c) < 12)) lines.push(c);
  return lines.length;
}

describe("on a phone", () => {
  it("shows the home page without sideways scrolling, the header on two lines, past events most recent first", async () => {
    const p = await suite().newPage(PHONE);
    await p.goto("/");
    const past = p.getByRole("region", { name: "Past events" });
    await past.getByRole("link", { name: "Xen Project Hackathon 2014" }).waitFor();
    expect(await sidewaysOverflow(p)).toBe(0);
    expect(await headerLines(p)).toBeLessThanOrEqual(2);
    // Date order whatever the kind: August's summit, May's hackathon, then March's and April's talks.
    const dates = await past.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await p.getByRole("heading", { name: "Hackathons" }).count()).toBe(0);
  });

  it("puts a hackathon's call to action above the fold, its details after it", async () => {
    const p = await suite().newPage(PHONE);
    await p.goto("/communities/xen-project/events/hackathon-2014");
    const request = p.getByRole("link", { name: "Request an invitation" });
    await request.waitFor();
    const button = (await request.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(PHONE.height);
    const details = (await p.getByRole("complementary").boundingBox())!;
    expect(details.y).toBeGreaterThan(button.y);
    expect(await sidewaysOverflow(p)).toBe(0);
    expect(await headerLines(p)).toBeLessThanOrEqual(2);
  });

  it("wraps a 120-character name without a space in the queue, the account menu and the token list", async () => {
    const { baseUrl } = suite().server;
    const speaker = await apiSession(baseUrl, "speaker@example.org", "plenary-demo");
    await speaker("PATCH", "/account", { name: LONG_NAME });
    await speaker("POST", "/communities/xen-project/events/hackathon-2014/registration/requests", { workOn: `Long words: ${"X".repeat(300)}`, affiliation: "A".repeat(200) });
    await speaker("POST", "/account/tokens", { name: "T".repeat(80), scopes: ["read"], expiresInDays: null });

    // The organiser's queue, on a phone and on a desk.
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const p = await suite().newPage(viewport);
      await p.goto("/sign-in");
      await p.getByRole("textbox", { name: "Email address" }).fill("organiser@example.org");
      await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
      await p.getByRole("button", { name: "Sign in", exact: true }).click();
      await p.getByRole("button", { name: /Demo Organiser/ }).waitFor();
      await p.goto("/communities/xen-project/events/hackathon-2014/registration/queue");
      const cell = p.getByRole("link", { name: LONG_NAME });
      await cell.waitFor();
      expect(await sidewaysOverflow(p)).toBe(0);
      // The whole name is there, wrapped inside its column.
      expect(await cell.textContent()).toBe(LONG_NAME);
      const box = (await cell.boundingBox())!;
      expect(box.width).toBeLessThan(viewport.width / 2);
      if (viewport.width > 1000) {
        // On a desk every column stays on screen: the table needs no scrolling of its own.
        const wrap = p.locator(".table-wrap").filter({ has: cell });
        expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
      }
    }

    // The speaker's own pages: the account menu keeps the name in its title, the token list wraps.
    const p = await suite().newPage(PHONE);
    await p.goto("/sign-in");
    await p.getByRole("textbox", { name: "Email address" }).fill("speaker@example.org");
    await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    const menu = p.getByRole("button", { name: new RegExp(LONG_NAME) });
    await menu.waitFor();
    expect(await menu.getAttribute("title")).toBe(LONG_NAME);
    expect(await headerLines(p)).toBeLessThanOrEqual(2);
    await p.goto("/account");
    await p.getByRole("cell", { name: "T".repeat(80), exact: true }).waitFor();
    expect(await sidewaysOverflow(p)).toBe(0);

    // Pasted text longer than the limit is kept whole, counted, and refused with the schema's limit.
    const tokenName = p.getByRole("textbox", { name: "Token name" });
    await tokenName.fill("P".repeat(200));
    expect((await tokenName.inputValue()).length).toBe(200);
    await p.getByText("Too long by 120 characters: the limit is 80, and nothing was cut.").waitFor();
    expect(await tokenName.getAttribute("aria-invalid")).toBe("true");
    await p.getByRole("button", { name: "Create token" }).click();
    await p.getByRole("alert").getByText(/Use at most 80 characters/).waitFor();
    expect(await p.getByRole("cell", { name: "P".repeat(200) }).count()).toBe(0);
  });
});

describe("the demo instance", () => {
  it("says it replays 2014 with its windows reopened, in the reader's language, until dismissed", async () => {
    const p = await suite().newPage(PHONE);
    await p.goto("/");
    const banner = p.getByRole("region", { name: "Demo" });
    await banner.getByText("A replay of the 2014 events of Xen Project, with their request and call windows reopened so that you can try the flows.").waitFor();
    await p.getByRole("button", { name: "Deutsch" }).click();
    await banner.getByText(/Eine Wiederholung der Veranstaltungen von Xen Project aus dem Jahr 2014/).waitFor();
    await banner.getByRole("button", { name: "Hinweis ausblenden" }).click();
    await banner.waitFor({ state: "detached" });
    await p.reload();
    await p.getByRole("heading", { name: "Vergangene Veranstaltungen" }).waitFor();
    expect(await p.getByRole("region", { name: "Demo" }).count()).toBe(0);
  });
});
