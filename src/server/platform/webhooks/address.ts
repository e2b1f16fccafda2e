import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
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

const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  uniqueLocal: "a private network address",
  linkLocal: "a link-local address (where cloud metadata services live)",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  unspecified: "the unspecified address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  ipv4Mapped: "an IPv4-mapped address",
  "6to4": "a 6to4 address that embeds an IPv4 address",
  teredo: "a Teredo address that embeds an IPv4 address",
  rfc6052: "a NAT64 address that embeds an IPv4 address",
  rfc6145: "an IPv4-translated address",
};

function inAllowed(ip: ipaddr.IPv4 | ipaddr.IPv6, policy: NetworkPolicy): boolean {
  return policy.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** Why this address may not be reached, or null when it may. */
export function refusalOf(address: string, policy: NetworkPolicy): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as what it reaches.
    ip = ipaddr.process(address);
  } catch {
    return "not an address that can be checked";
  }
  if (inAllowed(ip, policy)) return null;
  const range = ip.range();
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? "a reserved address";
}

export interface Destination {
  url: URL;
  /** Every address the host resolved to, all allowed; deliveries connect to the first. */
  addresses: string[];
  /** Plain http, accepted because every address is in a network the admin allowed. */
  plainHttp: boolean;
}

function urlError(code: "webhook_url_insecure" | "webhook_url_unresolvable" | "webhook_url_refused", message: string): DomainError {
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
    throw urlError("webhook_url_insecure", "Enter a full https:// address.");
  }
  const https = url.protocol === "https:";
  if (!https && (url.protocol !== "http:" || policy.allowed.length === 0)) throw urlError("webhook_url_insecure", "Use an https:// address: webhooks carry signed data and are sent over TLS.");
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = await resolveWithin(resolve, hostname);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw urlError("webhook_url_unresolvable", `The host ${hostname} could not be resolved. Check the address.`);
  }
  for (const a of addresses) {
    const why = refusalOf(a, policy);
    // One refused address refuses the host: a name that answers both public and private addresses is how rebinding starts.
    if (why) throw urlError("webhook_url_refused", `${hostname === a ? a : `${hostname} resolves to ${a}, which`} is ${why}; webhooks are only sent to public addresses.`);
  }
  const plainHttp = !https;
  if (plainHttp && !addresses.every((a) => inAllowed(ipaddr.process(a), policy))) throw urlError("webhook_url_insecure", "Use an https:// address: plain http is only accepted to the networks the instance admin allows.");
  return { url, addresses, plainHttp };
}
