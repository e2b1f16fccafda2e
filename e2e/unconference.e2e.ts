import { describe, expect, it } from "vitest";
import { useBrowserSuite } from "./support.js";

/**
 * The unconference board in the browser, on the demo's Hackathon: an attendee on a phone adds
 * a topic and marks interest; the organiser runs the planner, looks at the preview, uses it,
 * drags one topic and publishes; a projector view open in another browser shows the timetable
 * without a reload.
 */
const suite = useBrowserSuite({ env: { SMTP_URL: undefined as unknown as string } });
const BOARD = "/communities/xen-project/events/hackathon-2014/unconference";

async function signIn(email: string, viewport?: { width: number; height: number }) {
  const p = await suite().newPage(viewport ?? { width: 1400, height: 1000 });
  await p.goto("/sign-in");
  await p.getByRole("textbox", { name: "Email address" }).fill(email);
  await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  await p.getByRole("button", { name: /Demo/ }).waitFor();
  return p;
}

describe("the unconference board", () => {
  it("takes a topic from a phone, plans and publishes it at the plenary, and updates the projector live", async () => {
    const phone = await signIn("attendee@example.org", { width: 390, height: 844 });
    await phone.goto(BOARD);
    await phone.getByRole("heading", { name: "Unconference board" }).waitFor();
    await phone.getByRole("textbox", { name: "Topic" }).fill("Xen on phones");
    await phone.getByRole("button", { name: "Add topic" }).click();
    const card = phone.locator(".topic-card", { hasText: "Xen on phones" });
    await card.waitFor();
    await phone.locator(".topic-card", { hasText: "Cloud operating systems and Mirage OS" }).getByRole("button", { name: "I am interested" }).click();
    await phone.locator(".topic-card", { hasText: "Cloud operating systems and Mirage OS" }).getByText("One person interested").waitFor();

    const projector = await suite().newPage({ width: 1920, height: 1080 });
    await projector.goto(`${BOARD}/projector`);
    await projector.getByRole("heading", { name: "Xen Project Hackathon 2014" }).waitFor();
    expect(await projector.locator(".unconference-grid").count()).toBe(0);

    const o = await signIn("organiser@example.org");
    suite().watch(o);
    await o.goto(`${BOARD}/plenary`);
    await o.getByRole("heading", { name: "Morning plenary" }).waitFor();
    await o.getByRole("button", { name: "Run the planner" }).click();
    await o.getByRole("heading", { name: "The planner's proposal" }).waitFor({ timeout: 20_000 });
    await o.getByText("“Xen on phones” is added at").waitFor();
    await o.getByRole("button", { name: "Use this proposal" }).click();
    await o.getByRole("heading", { name: "The planner's proposal" }).waitFor({ state: "detached" });

    // Drag one topic into an empty cell.
    const chip = o.locator(".topic-chip", { hasText: "Xen on phones" });
    const empty = o.locator(".unconference-grid td:not(.cell-blocked):not(.cell-covered):not(:has(.topic-chip))").first();
    await empty.scrollIntoViewIfNeeded();
    const cell = (await empty.boundingBox())!;
    const from = (await chip.boundingBox())!;
    await o.mouse.move(from.x + 10, from.y + 5);
    await o.mouse.down();
    await o.mouse.move(from.x + 30, from.y + 5, { steps: 5 });
    await o.mouse.move(cell.x + cell.width / 2, cell.y + cell.height / 2, { steps: 20 });
    await o.mouse.up();
    await o.getByRole("status").filter({ hasText: /moved|leader|People interested/ }).waitFor();

    await o.getByRole("button", { name: "Publish version 1" }).click();
    await o.getByText("Version 1 is published.").waitFor();

    // The projector, never reloaded, now shows the timetable with the new topic.
    await projector.locator(".unconference-grid td", { hasText: "Xen on phones" }).waitFor({ timeout: 5_000 });

    // Evening: the attendee signs up a demo, the organiser starts it, the projector counts down.
    await phone.goto(`${BOARD}/evening?date=2014-05-29`);
    await phone.getByRole("button", { name: "Sign up for a demo" }).click();
    await phone.getByText("(5 min)").first().waitFor();
    await o.goto(`${BOARD}/evening?date=2014-05-29`);
    await o.getByRole("button", { name: /^Start “/ }).first().click();
    await o.getByRole("timer").waitFor();
    await projector.goto(`${BOARD}/evening?date=2014-05-29&projector`);
    const clock = projector.locator(".projector-clock");
    await clock.waitFor();
    const first = await clock.textContent();
    await projector.waitForFunction((before) => document.querySelector(".projector-clock")?.textContent !== before, first, { timeout: 5_000 });
    expect(await clock.textContent()).toMatch(/^4:5\d$/);
  }, 120_000);
});
