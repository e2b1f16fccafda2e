import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress } from "../../scripts/precompress.mjs";
import { PAGES } from "../shared/pages.js";
import { buildApp } from "./app.js";
import { allowEmbedding } from "./platform/http/headers.js";
import { useTestApp } from "./test-support/app.js";

const t = useTestApp();

/** A built web app in miniature: the page, a hashed script with its map, precompressed as the build does. */
function webDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "plenary-web-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(dir, "assets", "index-Ab12Cd34.js"), `export const words = ${JSON.stringify("plenary ".repeat(2000))};\n`);
  writeFileSync(join(dir, "assets", "index-Ab12Cd34.js.map"), JSON.stringify({ version: 3, sources: ["secret-source.tsx"], mappings: "" }));
  precompress(dir);
  return dir;
}

let web: FastifyInstance;
let withMaps: FastifyInstance;
beforeAll(async () => {
  const dir = webDir();
  web = (await buildApp(t().ctx, { webDir: dir })).app;
  web.get("/embed-test", async (_req, reply) => {
    allowEmbedding(reply, ["https://community.example.org"]);
    return reply.type("text/html").send("<p>widget</p>");
  });
  withMaps = (await buildApp({ ...t().ctx, config: { ...t().ctx.config, publicSourceMaps: true } }, { webDir: dir })).app;
  await Promise.all([web.ready(), withMaps.ready()]);
});
afterAll(async () => {
  await Promise.all([web.close(), withMaps.close()]);
});

const html = { accept: "text/html,application/xhtml+xml" };

describe("serving the web app", () => {
  it("answers the app's pages with the app, and any other path with 404", async () => {
    for (const pattern of PAGES) {
      const path = pattern.replace(/:[a-zA-Z]+/g, "some-slug");
      const res = await web.inject({ url: path, headers: html });
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain('<div id="root">');
    }
    expect((await web.inject({ url: "/sign-in/?next=/account", headers: html })).statusCode).toBe(200);
    for (const path of ["/schedule.xml", "/sign-inn", "/communities/a/events/b/nope", "/index.html", "/assets/missing.js"]) {
      const browser = await web.inject({ url: path, headers: html });
      expect(browser.statusCode, path).toBe(404);
      // A browser still gets the app, which shows its own "Page not found".
      expect(browser.body).toContain('<div id="root">');
      const script = await web.inject({ url: path });
      expect(script.statusCode).toBe(404);
      expect(script.json()).toMatchObject({ error: { code: "not_found" } });
    }
    expect((await web.inject({ url: "/api/v1/nothing-here", headers: html })).statusCode).toBe(404);
    expect((await web.inject({ method: "POST", url: "/sign-in" })).statusCode).toBe(404);
  });

  it("sends hashed assets precompressed, chosen by Accept-Encoding, cached for a year", async () => {
    const br = await web.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const plain = await web.inject({ url: "/assets/index-Ab12Cd34.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 10);
    const gz = await web.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    // The page itself must be revalidated: it names the current build's assets.
    expect((await web.inject({ url: "/", headers: html })).headers["cache-control"]).toBe("no-cache");
  });

  it("compresses responses built per request", async () => {
    const res = await web.inject({ url: "/api/v1/openapi.json", headers: { "accept-encoding": "br" } });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toHaveProperty("openapi");
  });

  it("does not publish source maps unless told to", async () => {
    expect((await web.inject({ url: "/assets/index-Ab12Cd34.js.map" })).statusCode).toBe(404);
    expect((await web.inject({ url: "/assets/index-Ab12Cd34.js" })).headers.sourcemap).toBeUndefined();
    expect((await withMaps.inject({ url: "/assets/index-Ab12Cd34.js.map" })).statusCode).toBe(200);
    expect((await withMaps.inject({ url: "/assets/index-Ab12Cd34.js", headers: { "accept-encoding": "br" } })).headers.sourcemap).toBe("/assets/index-Ab12Cd34.js.map");
  });
});

describe("security headers", () => {
  it("let pages run only our scripts, never be framed, and keep status-link tokens on the site", async () => {
    for (const url of ["/", "/registration/abc?token=secret", "/api/v1/docs", "/schedule.xml"]) {
      const res = await web.inject({ url, headers: html });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // Map tiles and authors' images come from other HTTPS hosts.
      expect(csp).toContain("img-src 'self' data: https:");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("same-origin");
    }
    expect((await web.inject({ url: "/api/v1/openapi.json" })).headers["x-content-type-options"]).toBe("nosniff");
  });

  it("grant a route that asks for it a deliberate exception for embedding, and only that route", async () => {
    const res = await web.inject({ url: "/embed-test" });
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors https://community.example.org");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect((await web.inject({ url: "/" })).headers["x-frame-options"]).toBe("DENY");
  });
});
