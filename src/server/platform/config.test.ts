import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dir = () => mkdtempSync(join(tmpdir(), "plenary-config-"));

describe("config", () => {
  it("names every bad value at once", () => {
    try {
      loadConfig({ PORT: "70000", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail", LOG_LEVEL: "loud", PLENARY_DATA_DIR: dir() });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "SMTP_URL", "LOG_LEVEL"]) expect(msg).toContain(name);
      expect(msg).toContain("'70000'");
      expect(msg).not.toContain("mysql://x"); // URLs may carry passwords
    }
  });

  it("generates the session secret into the data dir once, private to the owner", () => {
    const d = dir();
    const a = loadConfig({ PLENARY_DATA_DIR: d });
    const b = loadConfig({ PLENARY_DATA_DIR: d });
    expect(a.sessionSecret).toHaveLength(43);
    expect(b.sessionSecret).toBe(a.sessionSecret);
    expect(statSync(join(d, "secrets.json")).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(join(d, "secrets.json"), "utf8")).sessionSecret).toBe(a.sessionSecret);
  });

  it("sets Secure cookies only behind an HTTPS base URL, and treats empty variables as unset", () => {
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), PLENARY_URL: "https://events.example.org/" })).toMatchObject({ secureCookies: true, baseUrl: "https://events.example.org" });
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), PORT: "" })).toMatchObject({ port: 3000, secureCookies: false, baseUrl: "http://localhost:3000" });
  });
});
