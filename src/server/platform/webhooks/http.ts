import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { DomainError } from "../errors.js";
import { checkDestination, type NetworkPolicy, type Resolve } from "./address.js";

export interface AttemptResult {
  ok: boolean;
  /** The HTTP status, or null when there was no answer (refused address, connection error, timeout). */
  status: number | null;
  durationMs: number;
  error: string | null;
  /** The start of the receiver's answer, for the delivery log. */
  response: string | null;
}

const RESPONSE_KEEP = 2048;

/**
 * One POST of a signed webhook. The URL is checked and resolved here, immediately before
 * connecting, and the socket connects to exactly the address that passed (a `lookup` that
 * answers with it): the DNS is not asked a second time between check and connect. No
 * redirects are followed (a 3xx is a failure), no connection is reused, and the answer is
 * read only as far as the log keeps it.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, opts: { policy: NetworkPolicy; resolve: Resolve; timeoutMs: number }): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let address: string;
  let target: URL;
  try {
    const d = await checkDestination(url, opts.policy, opts.resolve);
    address = d.addresses[0]!;
    target = d.url;
  } catch (err) {
    return { ok: false, status: null, durationMs: elapsed(), error: err instanceof DomainError ? err.message : String(err), response: null };
  }
  const family = isIP(address);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const send = target.protocol === "https:" ? https.request : http.request;
    const req = send(
      target,
      {
        method: "POST",
        agent: false,
        lookup: pinned,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Plenary-Webhooks/1" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const done = () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_KEEP);
          finish({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `answered ${status}${status >= 300 && status < 400 ? " (redirects are not followed)" : ""}`, response: text || null });
          res.destroy();
        };
        res.on("data", (c: Buffer) => {
          if (kept < RESPONSE_KEEP) {
            chunks.push(c);
            kept += c.length;
          }
          if (kept >= RESPONSE_KEEP) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${Math.round(opts.timeoutMs / 1000)} s`));
    }, opts.timeoutMs);
    req.on("error", (err) => finish({ ok: false, status: null, error: err.message || String(err), response: null }));
    req.end(body);
  });
}
