import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test-support/db.js";
import { LEGACY_SECRETS_FILE, loadInstanceSecrets } from "./secrets.js";
import { instanceSecrets } from "./tables.js";

const tmp = () => mkdtempSync(join(tmpdir(), "plenary-secrets-"));
let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.drop());

describe("instance secrets", () => {
  it("are generated once per database, so processes with different data folders agree", async () => {
    await database.db.delete(instanceSecrets);
    const [a, b] = await Promise.all([loadInstanceSecrets(database.db, { dataDir: tmp() }), loadInstanceSecrets(database.db, { dataDir: tmp() })]);
    expect(a.statusLink).toHaveLength(43);
    expect(b).toEqual(a);
  });

  it("take over an existing data folder's secrets.json, so links already mailed keep working, and delete it", async () => {
    await database.db.delete(instanceSecrets);
    const dir = tmp();
    const old = "o".repeat(43);
    writeFileSync(join(dir, LEGACY_SECRETS_FILE), JSON.stringify({ sessionSecret: old }), { mode: 0o600 });
    expect(await loadInstanceSecrets(database.db, { dataDir: dir })).toEqual({ statusLink: old });
    expect(existsSync(join(dir, LEGACY_SECRETS_FILE))).toBe(false);
    expect(await loadInstanceSecrets(database.db, { dataDir: tmp() })).toEqual({ statusLink: old });
  });

  it("start the status-link secret from SESSION_SECRET (links were signed with it), and keep it when SESSION_SECRET changes", async () => {
    await database.db.delete(instanceSecrets);
    const env = "e".repeat(40);
    expect(await loadInstanceSecrets(database.db, { dataDir: tmp(), sessionSecret: env })).toEqual({ statusLink: env });
    const later = await loadInstanceSecrets(database.db, { dataDir: tmp(), sessionSecret: "f".repeat(40) });
    expect(later).toEqual({ statusLink: env });
  });
});
