import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProvider, type TestProvider } from "../src/server/test-support/oidc-provider.js";
import { freePort, useBrowserSuite } from "./support.js";

/**
 * Sign-in with an OpenID Connect provider in Chromium, against the built server and a real
 * provider (oidc-provider) in the test process: the button on the sign-in page, the round
 * trip through the provider, the account page's linked providers and scoped API tokens, and
 * a provider that is down while password sign-in goes on working.
 */
const serverPort = await freePort();
const providerPort = await freePort();
const clientSecret = "a-client-secret-for-tests-only-0123456789";
let op: TestProvider;
beforeAll(async () => {
  op = await startTestProvider({ port: providerPort, redirectUri: `http://127.0.0.1:${serverPort}/auth/oidc/test/callback` });
});
afterAll(async () => op?.stop());

const suite = useBrowserSuite({
  port: serverPort,
  env: { OIDC_PROVIDERS: "test", OIDC_TEST_ISSUER: `http://127.0.0.1:${providerPort}`, OIDC_TEST_CLIENT_ID: "plenary-test", OIDC_TEST_CLIENT_SECRET: clientSecret, OIDC_TEST_NAME: "Test ID" },
});

describe("sign-in with a provider in the browser", () => {
  it("creates the account on first sign-in, lists the provider on the account page and keeps the only way in", async () => {
    const email = `provider-${Date.now()}@example.org`;
    op.person = { sub: `e2e-${Date.now()}`, email, email_verified: true, name: "Ada Provider" };
    const p = await suite().newPage();
    await p.goto("/sign-in?next=%2Faccount");
    await p.getByRole("button", { name: "Sign in with Test ID" }).click();
    await p.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await p.getByText("Welcome, Ada Provider. Your account is made, and you sign in with Test ID.").waitFor();
    expect(await p.getByText(email, { exact: false }).first().isVisible()).toBe(true);

    const providers = p.getByRole("region", { name: "Sign-in providers" });
    await providers.getByText(`as ${email}`).waitFor();
    // The account has no password: its only provider cannot be unlinked.
    p.once("dialog", (d) => void d.accept());
    await providers.getByRole("button", { name: "Unlink Test ID" }).click();
    await providers.getByRole("alert").getByText(/only way to sign in/).waitFor();
    await p.getByRole("button", { name: "Mail me a link to set a password" }).waitFor();

    // A read-only token, then every token revoked at once.
    const tokens = p.getByRole("region", { name: "API tokens" });
    await tokens.getByLabel("Token name").fill("read-only export");
    await tokens.getByLabel("Write: change what you may change").uncheck();
    await tokens.getByRole("button", { name: "Create token" }).click();
    await tokens.getByText("Token “read-only export” created.").waitFor();
    await tokens.getByRole("cell", { name: "read", exact: true }).waitFor();
    p.once("dialog", (d) => void d.accept());
    await tokens.getByRole("button", { name: "Revoke all tokens" }).click();
    await tokens.getByText("1 token revoked.").waitFor();
    await tokens.getByText("You have no API tokens.").waitFor();
  });

  it("says clearly that a provider is down, and password sign-in still works", async () => {
    await op.stop();
    try {
      const p = await suite().newPage();
      await p.goto("/sign-in");
      await p.getByRole("button", { name: "Sign in with Test ID" }).click();
      await p.getByRole("alert").getByText(/Test ID is not answering/).waitFor();
      await p.getByRole("textbox", { name: "Email address" }).fill("organiser@example.org");
      await p.getByLabel("Password", { exact: true }).fill("plenary-demo");
      await p.getByRole("button", { name: "Sign in", exact: true }).click();
      await p.getByText("Welcome back, Demo Organiser.").waitFor();
    } finally {
      await op.start();
    }
  });
});
