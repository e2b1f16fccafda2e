import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config.js";
import { DomainError } from "../errors.js";
import { checkDestination, networkPolicy, refusalOf } from "./address.js";
import { defineWebhookEvent, WebhookRegistry } from "./registry.js";

const none = networkPolicy([]);

describe("webhook address policy", () => {
  it("refuses every non-public range, including metadata addresses and IPv4 hidden in IPv6", () => {
    for (const a of ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0", "255.255.255.255", "224.0.0.1", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "2002:7f00:1::1", "64:ff9b::7f00:1", "192.0.2.1", "not-an-ip"]) {
      expect(refusalOf(a, none), a).not.toBeNull();
    }
    for (const a of ["93.184.215.14", "8.8.8.8", "2001:4860:4860::8888"]) expect(refusalOf(a, none), a).toBeNull();
    expect(refusalOf("169.254.169.254", none)).toBe("linkLocal");
    expect(refusalOf("2002:7f00:1::1", none)).toBe("embedded");
  });

  it("lets the admin allow named networks, and plain http only to them", async () => {
    const lan = networkPolicy(["10.0.0.0/8", "::1/128"]);
    expect(refusalOf("10.1.2.3", lan)).toBeNull();
    expect(refusalOf("192.168.0.1", lan)).not.toBeNull();
    expect(refusalOf("::1", lan)).toBeNull();
    await expect(checkDestination("http://10.1.2.3:8080/hook", lan)).resolves.toMatchObject({ addresses: ["10.1.2.3"], plainHttp: true });
    const err = await checkDestination("http://93.184.215.14/hook", lan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("webhook_url_insecure");
  });

  it("refuses a name when any of its addresses is refused", async () => {
    const err = (await checkDestination("https://mixed.example/hook", none, async () => ["93.184.215.14", "10.0.0.7"]).catch((e: unknown) => e)) as DomainError;
    expect(err.code).toBe("webhook_url_refused");
    expect(err.message).toMatch(/mixed\.example resolves to 10\.0\.0\.7, which is a private network address/);
    expect(err.fields?.url).toHaveLength(1);
    const none2 = (await checkDestination("https://empty.example/", none, async () => []).catch((e: unknown) => e)) as DomainError;
    expect(none2.code).toBe("webhook_url_unresolvable");
  });

  it("reads WEBHOOK_ALLOW_PRIVATE at start, naming it when a value is not a network", () => {
    const dir = mkdtempSync(join(tmpdir(), "plenary-config-"));
    expect(loadConfig({ PLENARY_DATA_DIR: dir }).webhookAllowPrivate).toEqual([]);
    expect(loadConfig({ PLENARY_DATA_DIR: dir, WEBHOOK_ALLOW_PRIVATE: " 127.0.0.0/8, ::1 ,10.0.0.5" }).webhookAllowPrivate).toEqual(["127.0.0.0/8", "::1/128", "10.0.0.5/32"]);
    expect(() => loadConfig({ PLENARY_DATA_DIR: dir, WEBHOOK_ALLOW_PRIVATE: "127.0.0.0/8,intranet" })).toThrow(ConfigError);
    expect(() => loadConfig({ PLENARY_DATA_DIR: dir, WEBHOOK_ALLOW_PRIVATE: "10.0.0.0/33" })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });
});

describe("webhook event registry", () => {
  const schema = z.object({ n: z.number() });
  it("refuses names that are not noun.verb and types registered twice", () => {
    expect(() => defineWebhookEvent({ type: "Invited", summary: "", description: "", schema })).toThrow(/noun\.verb/);
    const t = defineWebhookEvent({ type: "thing.happened", summary: "s", description: "d", schema });
    expect(t).toMatchObject({ version: 1, subscribable: true });
    expect(() => new WebhookRegistry([t, t])).toThrow(/twice/);
    expect(() => new WebhookRegistry([t]).require("other.thing")).toThrow(/not registered/);
  });
});
