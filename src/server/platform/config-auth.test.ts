import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dir = () => mkdtempSync(join(tmpdir(), "plenary-config-"));
const problems = (env: Record<string, string>): string => {
  try {
    loadConfig({ PLENARY_DATA_DIR: dir(), ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
};

describe("TRUST_PROXY", () => {
  it("is a list of proxy addresses and ranges, or false", () => {
    expect(loadConfig({ PLENARY_DATA_DIR: dir() }).trustProxy).toBe(false);
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,fd00::/8,loopback" }).trustProxy).toEqual(["127.0.0.1", "10.0.0.0/8", "fd00::/8", "loopback"]);
  });

  it("refuses `true`, which would let any client choose its address, and says what to write instead", () => {
    for (const v of ["true", "1"]) expect(problems({ TRUST_PROXY: v })).toMatch(/TRUST_PROXY: 'true' would believe any client's X-Forwarded-For.*TRUST_PROXY=127\.0\.0\.1/);
  });

  it("names the entries that are not addresses or ranges", () => {
    const msg = problems({ TRUST_PROXY: "10.0.0.1,proxy.example.org,10.0.0.0/33" });
    expect(msg).toContain("TRUST_PROXY");
    expect(msg).toContain("'proxy.example.org'");
    expect(msg).toContain("'10.0.0.0/33'");
    expect(msg).not.toContain("'10.0.0.1'");
  });
});

describe("OpenID Connect providers", () => {
  it("reads one provider from the plain variables", () => {
    const c = loadConfig({ PLENARY_DATA_DIR: dir(), OIDC_ISSUER: "https://id.example.org/realms/xen", OIDC_CLIENT_ID: "plenary", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Xen SSO" });
    expect(c.oidcProviders).toEqual([{ id: "oidc", name: "Xen SSO", issuer: "https://id.example.org/realms/xen", clientId: "plenary", clientSecret: "s3cret", issuerVariable: "OIDC_ISSUER" }]);
    expect(loadConfig({ PLENARY_DATA_DIR: dir() }).oidcProviders).toEqual([]);
  });

  it("reads several providers listed in OIDC_PROVIDERS, each with its id in its variables' names", () => {
    const c = loadConfig({
      PLENARY_DATA_DIR: dir(),
      OIDC_PROVIDERS: "gitlab, my-keycloak",
      OIDC_GITLAB_ISSUER: "https://gitlab.example.org",
      OIDC_GITLAB_CLIENT_ID: "a",
      OIDC_GITLAB_CLIENT_SECRET: "b",
      OIDC_GITLAB_NAME: "GitLab",
      OIDC_MY_KEYCLOAK_ISSUER: "http://localhost:8080/realms/dev",
      OIDC_MY_KEYCLOAK_CLIENT_ID: "c",
    });
    expect(c.oidcProviders).toEqual([
      { id: "gitlab", name: "GitLab", issuer: "https://gitlab.example.org", clientId: "a", clientSecret: "b", issuerVariable: "OIDC_GITLAB_ISSUER" },
      { id: "my-keycloak", name: "localhost", issuer: "http://localhost:8080/realms/dev", clientId: "c", clientSecret: undefined, issuerVariable: "OIDC_MY_KEYCLOAK_ISSUER" },
    ]);
  });

  it("names each variable that is wrong or missing, and never prints a secret", () => {
    const msg = problems({ OIDC_PROVIDERS: "gitlab,Bad_Id", OIDC_GITLAB_ISSUER: "http://gitlab.example.org", OIDC_GITLAB_CLIENT_SECRET: "do-not-print", OIDC_GITHUB_ISSUER: "https://x.example.org", OIDC_ISSUER: "https://y.example.org" });
    expect(msg).toContain("OIDC_GITLAB_ISSUER: must be an https:// URL");
    expect(msg).toContain("OIDC_GITLAB_CLIENT_ID: required");
    expect(msg).toContain("OIDC_PROVIDERS: ids are lowercase");
    expect(msg).toContain("OIDC_GITHUB_ISSUER: no provider of that id is listed");
    expect(msg).toContain("OIDC_ISSUER: OIDC_PROVIDERS is set");
    expect(msg).not.toContain("do-not-print");
    expect(problems({ OIDC_CLIENT_ID: "x" })).toContain("OIDC_ISSUER: required");
    expect(problems({ OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "x" })).toContain("OIDC_ISSUER: not a URL");
  });
});
