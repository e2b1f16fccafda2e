import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiSession, escapeRe, readSubject, useBrowserSuite } from "./support.js";

/**
 * Hackathon registration end to end, against the built server with mail through a real SMTP
 * peer: an anonymous visitor requests an invitation to the demo hackathon, confirms the
 * address by mail, the organiser invites from the queue, the applicant confirms from the
 * invitation mail, the organiser records the fee and the ledger owes USD 15.00 to the
 * beneficiary. The applicant's part is walked again in German, chosen in the page footer.
 * Set E2E_SCREENSHOTS=1 to keep screenshots of the main pages in /tmp.
 */
const suite = useBrowserSuite();

/** Keeps the screen in the failure screenshot, and, with E2E_SCREENSHOTS=1, a picture of the page. */
async function shot(p: Page, name: string): Promise<void> {
  suite().watch(p);
  if (process.env.E2E_SCREENSHOTS) await p.screenshot({ path: `/tmp/plenary-registration-${name}.png`, fullPage: true });
}

/** The first link matching `link` in the mail to `to` whose subject (as a mail client shows it) matches. */
const mailLink = (to: string, subject: RegExp, link: RegExp) => suite().smtp.waitForLink(to, link, { subject: readSubject(subject) });

describe("hackathon registration in the browser", () => {
  it("request → verify by mail → invited from the queue → confirmed from the mail → fee recorded → owed to the beneficiary", async () => {
    const event = "/communities/xen-project/events/hackathon-2014";
    const email = `applicant-${Date.now()}@example.org`;
    const name = "Ada Applicant";

    // 1. An anonymous visitor requests an invitation from the hackathon's page.
    const a = await suite().newPage();
    await a.goto(event);
    const cta = a.getByRole("region", { name: "Request an invitation" });
    await cta.getByText(/USD 15\.00/).waitFor();
    await cta.getByText(/Software Freedom Conservancy/).first().waitFor();
    await cta.getByText(/places left/).waitFor();
    await shot(a, "event");
    await cta.getByRole("link", { name: "Request an invitation" }).click();
    await a.getByRole("heading", { level: 1, name: "Request an invitation" }).waitFor();
    // An empty submit is refused with field errors tied to their inputs.
    await a.getByRole("button", { name: "Request an invitation" }).click();
    await a.locator('#invitation-workOn[aria-invalid="true"]').waitFor();
    expect(await a.getByLabel("What do you want to work on?").getAttribute("aria-describedby")).toContain("invitation-workOn-error");
    await shot(a, "request-form");
    await a.getByLabel("Your name").fill(name);
    await a.getByRole("textbox", { name: "Email address" }).fill(email);
    await a.getByLabel("Affiliation").fill("University of Cambridge");
    await a.getByLabel("What do you want to work on?").fill("Live migration of PV guests with large memory.");
    await a.getByRole("button", { name: "Request an invitation" }).click();
    await a.getByRole("heading", { name: "Check your mail" }).waitFor();

    // 2. The verification mail reaches the SMTP peer; its link puts the request in the queue.
    const verify = await mailLink(email, /^Confirm your invitation request/, new RegExp(`${escapeRe(suite().server.baseUrl)}/registration/verify\\?request=[0-9a-f-]{36}&token=[A-Za-z0-9_-]+`));
    await a.goto(verify);
    await a.getByRole("heading", { name: "Your invitation request" }).waitFor();
    await a.getByRole("heading", { name: /Requested/ }).waitFor();
    await a.getByText(/Your address is confirmed/).waitFor();
    expect(a.url()).toMatch(/\/registration\/[0-9a-f-]{36}\?token=/);
    await shot(a, "status-requested");

    // 3. The organiser signs in and invites the request from the queue, previewing the mail.
    const o = await suite().newPage();
    await o.goto(`/sign-in?next=${encodeURIComponent(event)}`);
    await o.getByRole("textbox", { name: "Email address" }).fill("organiser@example.org");
    await o.getByLabel("Password", { exact: true }).fill("plenary-demo");
    await o.getByRole("button", { name: "Sign in", exact: true }).click();
    await o.getByRole("link", { name: "Registration", exact: true }).click();
    await o.getByRole("heading", { level: 1, name: "Registration overview" }).waitFor();
    await o.getByRole("navigation", { name: "Registration sections" }).getByRole("link", { name: "Queue" }).click();
    await o.getByRole("heading", { level: 1, name: "Request queue" }).waitFor();
    await o.getByRole("radio", { name: /^Requested \(\d+\)$/ }).click();
    await o.waitForURL(/state=requested/);
    await expect.poll(() => o.getByRole("radio", { name: /^Requested \(\d+\)$/ }).isChecked()).toBe(true);
    await o.getByRole("checkbox", { name: `Select ${name}` }).check();
    await o.getByText("1 selected").waitFor();
    await shot(o, "queue");
    await o.getByRole("button", { name: "Invite the selected requests" }).click();
    const dialog = o.getByRole("dialog", { name: "Invite 1 request" });
    await dialog.getByLabel("Personal message (optional)").fill("Looking forward to your migration work!");
    await dialog.getByText(/Subject:.*You are invited to/).waitFor();
    await dialog.locator(".mail-preview-text", { hasText: "Looking forward to your migration work!" }).waitFor();
    await dialog.getByRole("button", { name: "Send 1 mail" }).click();
    await o.getByText(/1 invited, 1 mail queued\./).waitFor();

    // The request's page: answers, history and an internal note.
    await o.getByRole("radio", { name: /^Invited \(\d+\)$/ }).click();
    await o.getByRole("link", { name }).click();
    await o.getByRole("heading", { name: "Answers" }).waitFor();
    await o.getByText("Live migration of PV guests with large memory.").waitFor();
    await o.getByText("Internal — never shown to the applicant").waitFor();
    await o.getByLabel("Add an internal note").fill("Met at the summit; strong on migration.");
    await o.getByRole("button", { name: "Add note" }).click();
    await o.getByText("Met at the summit; strong on migration.", { exact: true }).waitFor();
    await shot(o, "request-detail");

    // 4. The applicant follows the link in the invitation mail and confirms.
    const invitation = await mailLink(email, /^You are invited to/, new RegExp(`${escapeRe(suite().server.baseUrl)}/registration/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]+`));
    await a.goto(invitation);
    await a.getByRole("heading", { name: /Invited/ }).waitFor();
    await a.getByText("Confirm by").waitFor();
    await a.getByText(/Software Freedom Conservancy/).first().waitFor();
    await shot(a, "status-invited");
    await a.getByRole("button", { name: "Confirm my place" }).click();
    await a.getByText("Your place is confirmed. See you there!").waitFor();
    const code = (await a.locator(".checkin-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // The applicant asks for a travel stipend (entered in major units, sent in minor units).
    const stipend = a.getByRole("region", { name: "Travel stipend" });
    await stipend.getByLabel("Amount").fill("300.00");
    await stipend.getByLabel("Travelling from").fill("Lisbon");
    await stipend.getByLabel("Why you need the stipend").fill("Student; the flight is more than I can pay.");
    await stipend.getByRole("button", { name: "Ask for a stipend" }).click();
    await stipend.getByText("Your stipend request is sent.").waitFor();
    await stipend.getByText("USD 300.00").waitFor();
    await shot(a, "status-confirmed");

    // 5. The organiser records the fee in the ledger; USD 15.00 is owed to the beneficiary.
    await o.getByRole("navigation", { name: "Registration sections" }).getByRole("link", { name: "Fees" }).click();
    await o.getByRole("heading", { level: 1, name: "Fees ledger" }).waitFor();
    await o.getByLabel("Person").selectOption({ label: `${name} <${email}>` });
    await o.getByLabel("Method").selectOption("bank_transfer");
    await o.getByLabel("Reference", { exact: true }).fill("E2E-TRANSFER-0001");
    await o.getByRole("button", { name: "Record payment" }).click();
    await o.getByText(`Payment of USD 15.00 recorded for ${name}.`).waitFor();
    const owed = o.getByRole("region", { name: "Totals" }).getByText("Owed to the beneficiary").locator("xpath=..");
    await expect.poll(async () => (await owed.textContent())?.replace(/\s+/g, " ")).toContain("USD 15.00");
    await shot(o, "fees");

    // The overview shows the funnel with the confirmed place, and the check-in screen lets the attendee in.
    await o.getByRole("navigation", { name: "Registration sections" }).getByRole("link", { name: "Overview" }).click();
    const funnel = o.getByRole("img", { name: /Registration funnel: Requested \d+, Invited \d+, Confirmed 1, Checked in 0\./ });
    await funnel.waitFor();
    await o.getByRole("img", { name: /Stipend budget of USD 2,000\.00/ }).waitFor();
    await shot(o, "dashboard");

    // Stipends: the organiser offers less than asked; the budget picture shows the offer.
    const tabs = o.getByRole("navigation", { name: "Registration sections" });
    await tabs.getByRole("link", { name: "Stipends" }).click();
    const card = o.getByRole("region", { name: new RegExp(`^${name}`) });
    await card.getByLabel("Action").selectOption("offer");
    await card.getByLabel("Amount (USD)").fill("250.00");
    await card.getByLabel("Message to the applicant").fill("We can cover most of the flight.");
    await card.getByLabel("Internal note").fill("Checked the fare: 280 EUR.");
    await card.getByRole("button", { name: "Apply" }).click();
    await card.getByText("Offered", { exact: true }).waitFor();
    await o.getByRole("img", { name: /offered USD 250\.00/ }).waitFor();
    await card.getByText("Checked the fare: 280 EUR.").waitFor();
    await shot(o, "stipends");

    // The other organiser pages open with their data.
    await tabs.getByRole("link", { name: "Settings" }).click();
    await o.getByRole("heading", { level: 1, name: "Registration settings" }).waitFor();
    expect(await o.getByLabel("Fee", { exact: true }).inputValue()).toBe("15.00");
    await shot(o, "settings");
    await tabs.getByRole("link", { name: "Emails" }).click();
    await o.getByRole("heading", { level: 1, name: "Decision emails" }).waitFor();
    await o.getByRole("button", { name: "Preview" }).click();
    await o.getByRole("heading", { name: "Preview", exact: true }).waitFor();
    await shot(o, "templates");
    await tabs.getByRole("link", { name: "Attendees" }).click();
    await o.getByRole("cell", { name: new RegExp(name) }).waitFor();
    await shot(o, "attendees");
    const phone = await suite().newPage({ width: 390, height: 844 });
    await phone.goto(`/sign-in?next=${encodeURIComponent(`${event}/registration/check-in`)}`);
    await phone.getByRole("textbox", { name: "Email address" }).fill("organiser@example.org");
    await phone.getByLabel("Password", { exact: true }).fill("plenary-demo");
    await phone.getByRole("button", { name: "Sign in", exact: true }).click();
    await phone.getByLabel("Attendee code or name").fill(code);
    await phone.getByRole("button", { name: "Check in" }).click();
    await phone.getByText(`${name} is checked in`).waitFor();
    await shot(phone, "checkin");
    await phone.getByLabel("Attendee code or name").fill(code);
    await phone.getByRole("button", { name: "Check in" }).click();
    await phone.getByText("Already checked in").waitFor();
  });

  it("in German: request → verify by mail → status → invited → confirmed, every page, mail, date and amount in German", async () => {
    const event = "/communities/xen-project/events/hackathon-2014";
    const email = `antrag-${Date.now()}@example.org`;
    const name = "Grete Gast";

    // The footer's switcher turns the page German without a reload, and the choice is kept.
    const a = await suite().newPage();
    await a.goto(event);
    await a.getByRole("navigation", { name: "Language" }).getByRole("button", { name: "Deutsch" }).click();
    await expect.poll(() => a.evaluate(() => document.documentElement.lang)).toBe("de");
    const cta = a.getByRole("region", { name: "Einladung anfragen" });
    await cta.getByText(/Dieser Hackathon ist nur mit Einladung/).waitFor();
    await cta.getByText(/Plätzen frei/).waitFor();
    // Money in the German way, with the currency's code; the deadline names the event's zone.
    await cta.getByText(/15,00\sUSD/).waitFor();
    await cta.getByText(/Anfragen bis .+ um \d{2}:\d{2} \([A-Za-z_]+\/[A-Za-z_]+\)/).waitFor();
    await shot(a, "de-event");
    await cta.getByRole("link", { name: "Einladung anfragen" }).click();
    await a.getByRole("heading", { level: 1, name: "Einladung anfragen" }).waitFor();
    await a.getByText(/Die Plätze sind begrenzt/).waitFor();

    // An empty submit is refused in German, field by field.
    await a.getByRole("button", { name: "Einladung anfragen" }).click();
    await a.getByText("Sagen Sie uns, woran Sie arbeiten möchten.").first().waitFor();
    await a.getByText("Geben Sie Ihren Namen ein.").first().waitFor();
    await shot(a, "de-request-form");
    await a.getByLabel("Ihr Name").fill(name);
    await a.getByRole("textbox", { name: "E-Mail-Adresse" }).fill(email);
    await a.getByLabel("Zugehörigkeit").fill("Universität Stuttgart");
    await a.getByLabel("Woran möchten Sie arbeiten?").fill("Speicherverwaltung für ARM-Gäste.");
    await a.getByRole("button", { name: "Einladung anfragen" }).click();
    await a.getByRole("heading", { name: "Sehen Sie in Ihr Postfach" }).waitFor();
    await a.getByText(/Wir haben einen Link an/).waitFor();

    // The verification mail is in the language of the page the request came from.
    const verify = await mailLink(email, /^Bestätigen Sie Ihre Einladungsanfrage/, new RegExp(`${escapeRe(suite().server.baseUrl)}/registration/verify\\?request=[0-9a-f-]{36}&token=[A-Za-z0-9_-]+`));
    await a.goto(verify);
    await a.getByRole("heading", { level: 1, name: "Ihre Einladungsanfrage" }).waitFor();
    await a.getByRole("heading", { name: /Angefragt/ }).waitFor();
    await a.getByText(/Ihre Adresse ist bestätigt/).waitFor();
    await a.getByText("Antwort bis", { exact: true }).waitFor();
    await a.getByText(/um \d{2}:\d{2} \([A-Za-z_]+\/[A-Za-z_]+\)/).first().waitFor();
    const requestId = /\/registration\/([0-9a-f-]{36})\?token=/.exec(a.url())?.[1] ?? "";
    expect(requestId).not.toBe("");
    await shot(a, "de-status-requested");

    // The organiser invites (through the API: the organiser pages are walked in English above).
    const organiser = await apiSession(suite().server.baseUrl, "organiser@example.org", "plenary-demo");
    await organiser("POST", `${event}/registration/decisions`, { action: "invite", ids: [requestId], message: "" });

    // The invitation mail is German too; its link opens the status page, where the place is confirmed.
    const invitation = await mailLink(email, /^Sie sind zu .+ eingeladen/, new RegExp(`${escapeRe(suite().server.baseUrl)}/registration/[0-9a-f-]{36}\\?token=[A-Za-z0-9_-]+`));
    await a.goto(invitation);
    await a.getByRole("heading", { name: /Eingeladen/ }).waitFor();
    await a.getByText(/Sie sind eingeladen!/).waitFor();
    await a.getByText("Bestätigen bis", { exact: true }).waitFor();
    await a.getByText(/15,00\sUSD/).first().waitFor();
    await a.getByText("Noch nicht bezahlt", { exact: true }).waitFor();
    await shot(a, "de-status-invited");
    await a.getByRole("button", { name: "Meinen Platz bestätigen" }).click();
    await a.getByText("Ihr Platz ist bestätigt. Bis bald!").waitFor();
    await a.getByText("Ihr Check-in-Code").waitFor();
    expect(await a.locator(".checkin-code").getAttribute("aria-label")).toMatch(/^Check-in-Code [A-Z0-9](?: [A-Z0-9-])+$/);
    const stipend = a.getByRole("region", { name: "Reisekostenzuschuss" });
    await stipend.getByText("z. B. 250,00", { exact: false }).waitFor();
    await stipend.getByRole("button", { name: "Zuschuss beantragen" }).waitFor();
    await mailLink(email, /^Ihr Platz bei .+ ist bestätigt/, /\/registration\//);
    await shot(a, "de-status-confirmed");
  });
});
