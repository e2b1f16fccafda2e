/**
 * The ceiling for the HTTP benchmark: a bare Fastify route that answers with the same
 * bytes our GET /api/v1/events returned, with nothing behind it.
 */
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const body = readFileSync(process.env.BARE_BODY_FILE!, "utf8");
const app = Fastify({ logger: false });
// The path and type default to the event list; the road section serves an Atom feed the same way.
app.get(process.env.BARE_PATH ?? "/api/v1/events", async (_req, reply) => reply.type(process.env.BARE_TYPE ?? "application/json; charset=utf-8").send(body));
app.get("/readyz", async () => ({ status: "ready" }));
await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
