/**
 * A real OpenID Connect provider in the test process (the `oidc-provider` package, the
 * certified server openid-client is tested against), listening on 127.0.0.1. Its login
 * screen is replaced by a handler that signs in whichever person the test chose, so a test
 * walks the real redirects: authorization request, login, code, token, ID token.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export interface TestPerson {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the provider next. */
  person: TestPerson;
  /**
   * Follows an authorization URL through the provider as a browser would (a browser not yet
   * signed in there) and returns the
   * query string the provider sends the browser back to Plenary with.
   */
  authorize(url: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestProvider(opts: { port: number; redirectUri: string }): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${opts.port}`;
  const clientId = "plenary-test";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";
  const state: { person: TestPerson } = { person: { sub: "nobody" } };

  const configuration: Configuration = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    // The claims come from whoever the test set, at the time of the sign-in.
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ ...state.person, sub }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // No consent screen: the grant is given as soon as the person is signed in.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    // A signing key of its own, as a real provider has (its keys are fetched by openid-client to verify ID tokens).
    jwks: { keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["test-cookie-key-0123456789abcdef"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    // ID tokens carry the claims, as most providers' do when asked for the email scope.
    conformIdTokenClaims: false,
  };
  const provider = new Provider(issuer, configuration);
  // Quiet: refused requests are what several tests are about.
  provider.on("server_error", () => undefined);
  const callback = provider.callback();

  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    const m = /^\/interaction\/([\w-]+)/.exec(req.url ?? "");
    if (!m) return callback(req, res);
    void provider
      .interactionFinished(req, res, { login: { accountId: state.person.sub } }, { mergeWithLastSubmission: false })
      .catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
  };
  let server: Server | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(handler);
      server.once("error", reject);
      server.listen(opts.port, "127.0.0.1", () => resolve());
    });
  await start();
  if ((server!.address() as AddressInfo).port !== opts.port) throw new Error("provider not on its port");

  /** The browser's cookie jar for the provider's origin; each authorization starts with a fresh one (signed out there). */
  let jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };

  return {
    issuer,
    clientId,
    clientSecret,
    get person() {
      return state.person;
    },
    set person(p: TestPerson) {
      state.person = p;
    },
    async authorize(url: string) {
      jar = new Map();
      let next = url;
      for (let hops = 0; hops < 10; hops++) {
        const res = await fetch(next, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
        remember(res);
        const location = res.headers.get("location");
        if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
        const target = new URL(location, next);
        if (target.href.startsWith(opts.redirectUri)) return target.search;
        next = target.href;
      }
      throw new Error("too many redirects at the provider");
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server?.closeAllConnections();
        server?.close(() => resolve());
      });
    },
    start,
  };
}
