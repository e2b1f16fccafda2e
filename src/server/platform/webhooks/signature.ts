import { createHmac, randomBytes, randomUUID } from "node:crypto";

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 with the endpoint's secret,
 * sent as `v1,<base64>`; several signatures are separated by spaces, which is how a rotated
 * secret keeps working during its overlap. The tests verify with the `standardwebhooks`
 * package, so this stays what its libraries accept.
 */
const PREFIX = "whsec_";

export function newSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function newMessageId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

export function signatureHeader(secrets: readonly string[], messageId: string, timestampSeconds: number, body: string): string {
  const content = `${messageId}.${timestampSeconds}.${body}`;
  return secrets.map((s) => `v1,${createHmac("sha256", key(s)).update(content).digest("base64")}`).join(" ");
}

/** The secrets that sign now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(e: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null }, now: Date): string[] {
  return e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? [e.secret, e.previousSecret] : [e.secret];
}
