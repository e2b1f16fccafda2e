import { describe, expect, it } from "vitest";
import { apiSession, decodeQuotedPrintable, escapeRe, parseMessage, useBrowserSuite } from "./support.js";

/**
 * The web app against the real, built server: a new account's life from sign-up to
 * creating an event, with mail going through a real SMTP peer; and an anonymous visit.
 */
const suite = useBrowserSuite();

describe("reading mail from the SMTP peer", () => {
  it("undoes quoted-printable soft line breaks and escapes", () => {
    expect(decodeQuotedPrintable("token=3Dab=\r\ncd caf=C3=A9")).toBe("token=abcd café");
    expect(decodeQuotedPrintable("a=3Db=\r\nc")).toBe("a=bc");
    const raw = [
      "Subject: Confirm",
      'Content-Type: multipart/alternative; boundary="xx"',
      "",
      "--xx",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Open http://h/verify?token=3Dab=",
      "cd",
      "--xx",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("<a href=x>y</a>").toString("base64"),
      "--xx--",
    ].join("\r\n");
    const m = parseMessage(raw);
    expect(m.subject).toBe("Confirm");
    expect(m.text).toContain("http://h/verify?token=abcd");
    expect(m.text).toContain("<a href=x>y</a>");
  });
});

describe("accounts and events in the browser", () => {
  it("signs up, confirms by mail, signs out and in, and creates an event", async () => {
    const p = await suite().newPage();
    const email = `e2e-${Date.now()}@example.org`;
    const password = "correct horse battery staple";
    const name = "Edie Tester";

    // Sign up through the form.
    await p.goto("/");
    await p.getByRole("link", { name: "Sign up" }).click();
    await p.getByRole("heading", { name: "Create an account" }).waitFor();
    await p.getByLabel("Your name").fill(name);
    await p.getByRole("textbox", { name: "Email address" }).fill(email);
    await p.getByLabel("Password").fill(password);
    await p.getByRole("button", { name: "Create account" }).click();
    await p.getByRole("heading", { name: "Check your mail" }).waitFor();
    expect(await p.title()).toBe("Check your mail · Plenary");

    // The verification mail arrives at the SMTP peer; its link confirms and signs in.
    const link = await suite().smtp.waitForLink(email, new RegExp(`${escapeRe(suite().server.baseUrl)}/verify\\?token=[A-Za-z0-9_-]+`));
    await p.goto(link);
    await p.getByRole("heading", { name: "Address confirmed" }).waitFor();
    const menu = p.getByRole("button", { name: /Edie Tester/ });
    await menu.waitFor();

    // Sign out from the account menu.
    await menu.click();
    await p.getByRole("button", { name: "Sign out" }).click();
    await p.getByRole("link", { name: "Sign in" }).waitFor();
    expect(await p.getByRole("button", { name: /Edie Tester/ }).count()).toBe(0);

    // A wrong password is refused, with the typed address kept.
    await p.getByRole("link", { name: "Sign in" }).click();
    await p.getByRole("textbox", { name: "Email address" }).fill(email);
    await p.getByLabel("Password", { exact: true }).fill("not the password");
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    await p.getByRole("alert").waitFor();
    expect(await p.getByRole("textbox", { name: "Email address" }).inputValue()).toBe(email);

    // Sign in with the password.
    await p.getByLabel("Password", { exact: true }).fill(password);
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    await p.getByRole("button", { name: /Edie Tester/ }).waitFor();

    // The admin makes the new account an organiser of the Xen Project community.
    const admin = await apiSession(suite().server.baseUrl, "admin@example.org", "plenary-demo");
    await admin("POST", "/communities/xen-project/organisers", { email });

    // The community page now offers to create an event.
    await p.goto("/communities/xen-project");
    await p.getByRole("heading", { name: "Organisers" }).waitFor();
    await p.getByRole("link", { name: "Create an event" }).click();
    await p.getByRole("heading", { name: "New event" }).waitFor();

    const form = p.getByRole("form", { name: "New event" });
    await form.getByLabel("Name", { exact: true }).fill("Xen Project Hackathon 2030");
    await form.getByLabel("Kind of event").selectOption("hackathon");
    expect(await form.getByLabel("Address").inputValue()).toBe("xen-project-hackathon-2030");
    await form.getByLabel("First day").fill("2030-06-12");
    // An end before the start is refused by the shared schema; nothing typed is lost.
    await form.getByLabel("Last day").fill("2030-06-10");
    await form.getByLabel("Venue").fill("Citrix, Building 101, Cambridge Science Park");
    await form.getByLabel("City").fill("Cambridge");
    await form.getByLabel("Country").fill("United Kingdom");
    await form.getByLabel("Time zone").fill("Europe/London");
    await form.getByLabel("Host organisation").fill("Citrix");
    await form.getByLabel("Description").fill("Two days of designing and hacking on the hypervisor.");
    await form.getByRole("button", { name: "Create event" }).click();
    const lastDay = form.getByLabel("Last day");
    await p.locator('#event-endDate[aria-invalid="true"]').waitFor();
    expect(await lastDay.getAttribute("aria-describedby")).toContain("event-endDate-error");
    expect(await p.locator("#event-endDate-error").textContent()).toContain("cannot end before it starts");
    expect(await form.getByLabel("Venue").inputValue()).toBe("Citrix, Building 101, Cambridge Science Park");

    await lastDay.fill("2030-06-13");
    await form.getByRole("button", { name: "Create event" }).click();
    await p.getByRole("heading", { level: 1, name: "Xen Project Hackathon 2030" }).waitFor();
    // ICU writes the range with thin spaces around the dash (CLDR 42+): match any spacing.
    await p.getByText(/12\s*–\s*13 June 2030/).first().waitFor();
    expect(p.url()).toBe(`${suite().server.baseUrl}/communities/xen-project/events/xen-project-hackathon-2030`);

    // It is listed on the home page as upcoming.
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
    const upcoming = p.getByRole("region", { name: "Upcoming" });
    await upcoming.getByRole("link", { name: "Xen Project Hackathon 2030" }).waitFor();
  });

  it("lets an anonymous visitor browse from the home page to the demo hackathon", async () => {
    const p = await suite().newPage();
    await p.goto("/");
    await p.getByRole("heading", { name: "Past events" }).waitFor();
    await expect.poll(() => p.title()).toBe("Plenary");
    // click, not check(): check() reads the state back at once, before React has redrawn
    // the radio group from the new address, and fails under load.
    await p.getByRole("radio", { name: "Hackathons" }).click();
    await p.waitForURL(/kind=hackathon/);
    await expect.poll(() => p.getByRole("radio", { name: "Hackathons" }).isChecked()).toBe(true);
    // The list re-renders after the URL changes: wait for the filtered list, do not sample it.
    await p.getByRole("link", { name: "Xen Project Developer Summit 2014" }).waitFor({ state: "detached" });
    await p.getByRole("link", { name: "Xen Project Hackathon 2014" }).click();
    await p.getByRole("heading", { level: 1, name: "Xen Project Hackathon 2014" }).waitFor();
    await expect.poll(() => p.title()).toBe("Xen Project Hackathon 2014 · Plenary");
    const details = p.getByRole("complementary");
    await details.getByText(/Rackspace/).first().waitFor();
    await details.getByText(/London/).first().waitFor();
    await p.getByText(/29\s*–\s*30 May 2014/).first().waitFor();
    expect(await details.textContent()).toContain("Europe/London");
    // Nothing an organiser would see.
    expect(await p.getByRole("link", { name: "Event settings" }).count()).toBe(0);
  });
});
