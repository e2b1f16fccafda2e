import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { msg, type Msg } from "../../../shared/i18n/catalogue.js";
import { DomainError } from "../errors.js";

/**
 * Where webhooks may go. An organiser types a URL; without these checks Plenary would post
 * to whatever it names: the database on localhost, the admin panel of a router, the cloud's
 * metadata service (169.254.169.254) that hands out credentials. So every address a URL
 * resolves to must be a public unicast address (ipaddr.js classifies it, from the IANA
 * special-purpose registries), unless the instance admin allowed its network by
 * WEBHOOK_ALLOW_PRIVATE. The check runs at subscription and again before every delivery,
 * and the delivery connects to the address that was checked (see http.ts), so a DNS answer
 * that changes in between (rebinding) cannot steer a request inside.
 */
export type Resolve = (hostname: string) => Promise<string[]>;

const RESOLVE_TIMEOUT_MS = 5_000;

export const systemResolve: Resolve = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

export interface NetworkPolicy {
  allowed: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export function networkPolicy(cidrs: readonly string[]): NetworkPolicy {
  return { allowed: cidrs.map((c) => ipaddr.parseCIDR(c)) };
}

/** How a refusal names each range (`webhooks.errors.urlRefused` words each); any other is "reserved". */
const RANGE_KEYS: Record<string, string> = {
  loopback: "loopback",
  private: "private",
  uniqueLocal: "private",
  linkLocal: "linkLocal",
  carrierGradeNat: "carrierGradeNat",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
  "6to4": "embedded",
  teredo: "embedded",
  rfc6052: "embedded",
  rfc6145: "embedded",
};

function inAllowed(ip: ipaddr.IPv4 | ipaddr.IPv6, policy: NetworkPolicy): boolean {
  return policy.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** The kind of range that keeps this address out (`loopback`, `private`, `linkLocal`, `embedded`, …), or null when it may be reached. */
export function refusalOf(address: string, policy: NetworkPolicy): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as what it reaches.
    ip = ipaddr.process(address);
  } catch {
    return "unparsable";
  }
  if (inAllowed(ip, policy)) return null;
  const range = ip.range();
  if (range === "unicast") return null;
  return RANGE_KEYS[range] ?? "reserved";
}

export interface Destination {
  url: URL;
  /** Every address the host resolved to, all allowed; deliveries connect to the first. */
  addresses: string[];
  /** Plain http, accepted because every address is in a network the admin allowed. */
  plainHttp: boolean;
}

function urlError(code: "webhook_url_insecure" | "webhook_url_unresolvable" | "webhook_url_refused", message: Msg): DomainError {
  return new DomainError(code, message, { url: [message] });
}

async function resolveWithin(resolve: Resolve, hostname: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([resolve(hostname), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks a webhook URL and resolves it: HTTPS (or plain http to an allowed network only),
 * a host that resolves, and no address that is refused. Throws a 422 naming the field.
 */
export async function checkDestination(raw: string, policy: NetworkPolicy, resolve: Resolve = systemResolve): Promise<Destination> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlError("webhook_url_insecure", msg("webhooks.errors.urlInvalid"));
  }
  const https = url.protocol === "https:";
  if (!https && (url.protocol !== "http:" || policy.allowed.length === 0)) throw urlError("webhook_url_insecure", msg("webhooks.errors.urlInsecure"));
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = await resolveWithin(resolve, hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw urlError("webhook_url_unresolvable", msg("webhooks.errors.urlUnresolvable", { host: hostname }));
  }
  for (const a of addresses) {
    const why = refusalOf(a, policy);
    // One refused address refuses the host: a name that answers both public and private addresses is how rebinding starts.
    if (why) throw urlError("webhook_url_refused", msg("webhooks.errors.urlRefused", { named: hostname === a ? "no" : "yes", host: hostname, address: a, range: why }));
  }
  const plainHttp = !https;
  if (plainHttp && !addresses.every((a) => inAllowed(ipaddr.process(a), policy))) throw urlError("webhook_url_insecure", msg("webhooks.errors.urlPlainHttp"));
  return { url, addresses, plainHttp };
}
