import { describe, expect, it } from "vitest";
import { useBrowserSuite } from "./support.js";

/**
 * The call for participation in the browser, on the demo's Developer Summit: the demo speaker
 * submits a proposal with a co-speaker, who accepts; the chair runs the automatic assignment;
 * a reviewer reviews; the chair accepts; both speakers get the decision mail; the speaker
 * confirms.
 */
const suite = useBrowserSuite();
const EVENT = "/communities/xen-project/events/developer-summit-2014";
const TITLE = "Live patching the hypervisor without reboots";

async function signIn(email: string) {
  const p = await suite().newPage({ width: 1400, height: 1000 });
  await p.goto("/sign-in");
  await p.getByRole("textbox", { name: "Email address" }).fill(email);
  await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  await p.getByRole("button", { name: /Demo/ }).waitFor();
  return p;
}

describe("the call for participation", () => {
  it("goes from a submission with a co-speaker to a confirmed session", { timeout: 180_000 }, async () => {
    const speaker = await signIn("speaker@example.org");
    await speaker.goto(`${EVENT}/cfp`);
    await speaker.getByText("Demo content: the real call closed").waitFor();
    await speaker.getByRole("link", { name: "Propose a session" }).first().click();
    await speaker.getByLabel("Title").fill(TITLE);
    await speaker.getByLabel("Abstract").fill("How to apply security fixes to a running host.");
    await speaker.getByLabel("Who is the session for?").selectOption("Developers");
    await speaker.getByLabel("Development proposals").check();
    await speaker.getByLabel("Co-speakers' email addresses").fill("attendee@example.org");
    await speaker.getByRole("button", { name: "Submit proposal" }).click();
    await speaker.getByRole("heading", { name: "Your proposals" }).waitFor();
    const card = speaker.locator("li.card", { hasText: TITLE });
    await card.getByText("Submitted").waitFor();
    await suite().smtp.waitForLink("speaker@example.org", /\/cfp\/mine/, { subject: /Received/ });

    const co = await signIn("attendee@example.org");
    await co.goto("/cfp/invitations");
    await co.getByRole("button", { name: "Accept" }).click();
    await co.getByText("Nobody has invited you").waitFor();

    const chair = await signIn("chair@example.org");
    await chair.goto(`${EVENT}/cfp/committee/assignment`);
    await chair.getByLabel("Reviews per proposal").fill("2");
    await chair.getByRole("button", { name: "Compute assignment" }).click();
    await chair.getByText(/Status: optimal/).waitFor();
    await chair.getByRole("button", { name: "Apply and notify reviewers" }).click();
    await chair.getByText(/assignments added/).waitFor();

    const reviewer = await signIn("reviewer@example.org");
    await reviewer.goto(`${EVENT}/cfp/committee`);
    // Blind review: the reviewer does not see who proposed it.
    expect(await reviewer.getByText("Demo Speaker").count()).toBe(0);
    await reviewer.getByRole("link", { name: TITLE }).click();
    await reviewer.getByLabel("Relevance to Xen Project developers and users (weight 2)").selectOption("4");
    await reviewer.getByLabel("Quality of the proposal (weight 1)").selectOption("3");
    await reviewer.getByRole("button", { name: "Save review" }).click();
    await reviewer.getByText("Your review is saved.").waitFor();

    await chair.goto(`${EVENT}/cfp/committee`);
    await chair.getByLabel("Phase").selectOption("decision");
    const row = chair.locator("tr", { hasText: TITLE });
    await row.getByRole("button", { name: "Accept" }).click();
    await row.getByText("Accepted").waitFor();
    for (const to of ["speaker@example.org", "attendee@example.org"]) await suite().smtp.waitForLink(to, /\/cfp\/mine/, { subject: /Accepted/ });

    await speaker.goto(`${EVENT}/cfp/mine`);
    await card.getByRole("button", { name: "Confirm I will speak" }).click();
    await card.getByText("Confirmed").waitFor();
  });

  it("lets the chair save the call's settings as they are and see the demo's conflicts", async () => {
    const chair = await signIn("chair@example.org");
    await chair.goto(`${EVENT}/cfp/settings`);
    await chair.getByLabel("Deadline").waitFor();
    await chair.getByRole("button", { name: "Save settings" }).click();
    await chair.getByText("The call's settings are saved.").waitFor();
    await chair.goto(`${EVENT}/cfp/committee/conflicts`);
    await chair.getByText(/Second Demo Reviewer — “Demo: hardening a Xen Project based cloud, hands on” \(chair\)/).waitFor();
    // The visitor's page shows the deadline and counts down.
    const visitor = await suite().newPage();
    await visitor.goto(`${EVENT}/cfp`);
    await visitor.getByText(/left$/).waitFor();
  });
});
