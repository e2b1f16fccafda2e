import { mkdtempSync } from "node:fs";
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

  it("sets Secure cookies only behind an HTTPS base URL, and treats empty variables as unset", () => {
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), PLENARY_URL: "https://events.example.org/" })).toMatchObject({ secureCookies: true, baseUrl: "https://events.example.org" });
    expect(loadConfig({ PLENARY_DATA_DIR: dir(), PORT: "" })).toMatchObject({ port: 3000, secureCookies: false, baseUrl: "http://localhost:3000" });
  });
});
