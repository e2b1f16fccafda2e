import { describe, expect, it } from "vitest";
import { useBrowserSuite } from "./support.js";

/**
 * The conference schedule in the browser, on the demo's Developer Summit: an organiser drags
 * a session to another room in the editor and releases version 2; the public schedule and
 * the change log show the move, and the speaker finds the mail about it in the local
 * mailbox (no SMTP server configured, as on a fresh instance).
 */
const suite = useBrowserSuite({ env: { SMTP_URL: undefined as unknown as string } });
const EVENT = "/communities/xen-project/events/developer-summit-2014";
const TITLE = "Xen on ARM: where the port stands";

async function signIn(email: string) {
  const p = await suite().newPage({ width: 1400, height: 1000 });
  await p.goto("/sign-in");
  await p.getByRole("textbox", { name: "Email address" }).fill(email);
  await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  await p.getByRole("button", { name: /Demo/ }).waitFor();
  return p;
}

describe("the schedule editor and the public schedule", () => {
  it("moves a session by drag and drop, releases it, and shows the move to the public and to the speaker", async () => {
    const p = await signIn("organiser@example.org");
    await p.goto(`${EVENT}/schedule/edit`);
    await p.getByRole("heading", { name: "Schedule editor" }).waitFor();
    const handle = p.getByRole("button", { name: `Move “${TITLE}”` });
    const from = (await p.locator(".grid-room", { hasText: "Room A" }).boundingBox())!;
    const to = (await p.locator(".grid-room", { hasText: "Room B" }).boundingBox())!;
    const h = (await handle.boundingBox())!;
    // Drag it one column to the right, at the same time: Room A → Room B, 09:30.
    await p.mouse.move(h.x + 20, h.y + 10);
    await p.mouse.down();
    await p.mouse.move(h.x + 40, h.y + 10, { steps: 5 });
    await p.mouse.move(h.x + 20 + (to.x - from.x), h.y + 10, { steps: 15 });
    await p.mouse.up();
    await p.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await p.getByText(`“${TITLE}” moved from Room A,`).waitFor();

    await p.getByLabel("Note for this version (optional)").fill("Room change for the ARM talk");
    await p.getByRole("button", { name: "Release version 2" }).click();
    await p.getByText("Version 2 is released.").waitFor();

    // The public schedule has it in Room B.
    const pub = await suite().newPage();
    await pub.goto(`${EVENT}/schedule?day=2014-08-18`);
    const card = pub.locator(".schedule-item", { hasText: TITLE });
    await card.waitFor();
    expect(await card.locator(".talk-room").textContent()).toBe("Room B");
    expect(await pub.getByText("Version 2, released").count()).toBe(1);
    // The change log says it in words.
    await pub.getByRole("link", { name: "Versions and changes" }).click();
    await pub.getByRole("heading", { name: "Version 2" }).waitFor();
    expect(await pub.locator(".change-list").first().textContent()).toBe(`“${TITLE}” moved from Room A, Monday, 18 August 2014 at 09:30 (America/Chicago) to Room B, Monday, 18 August 2014 at 09:30 (America/Chicago).`);
    expect(await pub.getByText("Room change for the ARM talk").count()).toBe(1);

    // The speaker's mail, in the local mailbox.
    const speaker = await signIn("speaker@example.org");
    await speaker.goto("/dev/mail");
    await speaker.getByText(`Your session “${TITLE}” has moved`).first().waitFor();
  });
});
