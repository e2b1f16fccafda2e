import { existsSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { z } from "zod";
import type { Db } from "./index.js";
import { instanceSecrets } from "./tables.js";

/**
 * The secrets every process of one instance must share. Cookies need none: a session cookie
 * is a random token the database knows by its hash, so there is nothing to sign.
 */
export interface InstanceSecrets {
  /** Signs applicants' status links (HMAC): the stored one, so every process and every restored backup agrees. */
  statusLink: string;
}

const NAMES = { statusLink: "status-link" } as const;

/** Before secrets lived in the database, each data folder kept its own generated one here. */
export const LEGACY_SECRETS_FILE = "secrets.json";

function legacySecret(dataDir: string): string | undefined {
  const file = join(dataDir, LEGACY_SECRETS_FILE);
  if (!dataDir || !existsSync(file)) return undefined;
  const parsed = z.object({ sessionSecret: z.string().min(32) }).safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data.sessionSecret : undefined;
}

const generate = () => randomBytes(32).toString("base64url");

/**
 * Reads the instance's secrets, creating the missing ones: the first process to start on a
 * database creates them (insert … on conflict do nothing) and every later one reads the same.
 * An existing data folder's secrets.json becomes the stored secrets, so the status links
 * already mailed keep working, and is then deleted. Without a secrets.json, the status-link
 * secret starts as SESSION_SECRET when that is set: links were signed with it before secrets
 * moved into the database.
 */
export async function loadInstanceSecrets(db: Db, opts: { dataDir: string; sessionSecret?: string | undefined }): Promise<InstanceSecrets> {
  const legacy = legacySecret(opts.dataDir);
  await db
    .insert(instanceSecrets)
    .values({ name: NAMES.statusLink, value: legacy ?? opts.sessionSecret ?? generate() })
    .onConflictDoNothing();
  const stored = new Map((await db.select().from(instanceSecrets)).map((r) => [r.name, r.value]));
  if (legacy) rmSync(join(opts.dataDir, LEGACY_SECRETS_FILE), { force: true });
  return { statusLink: stored.get(NAMES.statusLink)! };
}
