import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import type { CommunityView } from "../../../server/features/communities/schema.js";
import { createEndpointBody, DELIVERY_STATES, updateEndpointBody, type DeliveryDetail, type DeliveryView, type EndpointView, type EndpointWithSecret, type EventTypeView } from "../../../server/features/webhooks/schema.js";
import { del, get, patch, post, query } from "../../app/api.js";
import { CopyBox } from "../../app/copy.js";
import { formatStamp } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { EventTypesField } from "./EventTypesField.js";
import { DELIVERY_LABEL, durationText, endpointState, OVERLAP_CHOICES, prettyJson, statusText } from "./logic.js";

const api = (community: string) => `/communities/${community}/webhooks`;
const page = (community: string) => `/communities/${community}/webhooks`;
const LABELS = { url: "Endpoint URL", description: "Description", eventTypes: "Event types" } as const;
const KNOWN = Object.keys(LABELS);

function Breadcrumb({ community, trail }: { community: CommunityView; trail: { label: string; to?: string }[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to={`/communities/${community.slug}`}>{community.name}</Link>
        </li>
        {trail.map((t) => (t.to ? <li key={t.label}><Link to={t.to}>{t.label}</Link></li> : <li key={t.label} aria-current="page">{t.label}</li>))}
      </ol>
    </nav>
  );
}

function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`state-badge state-${tone}`}>{children}</span>;
}

/** The signing secret, right after it was made: shown this once, with a copy button. */
function SecretOnce({ secret }: { secret: string }) {
  return (
    <div className="notice notice-success" role="status">
      <p>
        <strong>This is the endpoint’s signing secret.</strong> Copy it into your receiver now: it is shown only once. Verify each delivery’s <code>webhook-signature</code> with it, for example with a Standard Webhooks library.
      </p>
      <CopyBox value={secret} label="Signing secret" />
    </div>
  );
}

function useCommunityAndTypes(community: string) {
  return useLoad(
    async (signal) => {
      const [c, types] = await Promise.all([get<CommunityView>(`/communities/${community}`, signal), get<{ eventTypes: EventTypeView[] }>("/webhooks/event-types", signal)]);
      return { c, types: types.eventTypes };
    },
    [community],
  );
}

// ---------------------------------------------------------------- the list and the new-endpoint form

export function WebhooksPage() {
  const { community = "" } = useParams();
  const [base] = useCommunityAndTypes(community);
  const [list, reload] = useLoad((signal) => get<{ endpoints: EndpointView[]; limit: number }>(api(community), signal), [community]);
  useTitle(base.status === "ok" ? `Webhooks: ${base.data.c.name}` : base.status === "error" || list.status === "error" ? null : "Webhooks");
  if (base.status === "loading" || list.status === "loading") return <Loading />;
  if (base.status === "error") return <PageError error={base.error} what="This community" />;
  if (list.status === "error") return <PageError error={list.error} what="This community" />;
  const { c, types } = base.data;
  const { endpoints, limit } = list.data;
  return (
    <div className="wrap">
      <Flash />
      <Breadcrumb community={c} trail={[{ label: "Webhooks" }]} />
      <PageHeader title="Webhooks" eyebrow={c.name} />
      <p className="lede">
        Plenary tells your other tools what happens here (a request invited, a stipend offered, a fee paid) by posting signed JSON to the addresses below, in the order things happened, retrying for about a day when a receiver is down. The payloads are described in the <a href="/api/v1/docs#webhook-events">API reference</a>.
      </p>
      <section aria-labelledby="endpoints-title" className="stack">
        <h2 id="endpoints-title">Endpoints</h2>
        {endpoints.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">The community’s webhook endpoints</caption>
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">State</th>
                  <th scope="col">Events</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Last delivery</th>
                </tr>
              </thead>
              <tbody>
                {endpoints.map((e) => {
                  const st = endpointState(e);
                  return (
                    <tr key={e.id}>
                      <td>
                        <Link to={`${page(c.slug)}/${e.id}`}>{e.url}</Link>
                        {e.description ? <div className="muted small">{e.description}</div> : null}
                      </td>
                      <td>
                        <Badge tone={st.tone}>{st.label}</Badge>
                      </td>
                      <td className="num">{e.eventTypes.length}</td>
                      <td className="num">{e.pending}</td>
                      <td>{e.lastDelivery ? `${e.lastDelivery.ok ? "delivered" : `failed (${statusText(e.lastDelivery.status, true)})`}, ${formatStamp(e.lastDelivery.at)}` : "none yet"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No endpoints yet. Add the first one below.</p>
        )}
      </section>
      {endpoints.length < limit ? <NewEndpointForm community={c.slug} types={types} onCreated={reload} /> : <p className="muted">This community has the most endpoints it may have ({limit}); remove one to add another.</p>}
    </div>
  );
}

function NewEndpointForm({ community, types, onCreated }: { community: string; types: EventTypeView[]; onCreated: () => void }) {
  const F = "new-endpoint";
  const navigate = useNavigate();
  const [v, setV] = useState({ url: "", description: "" });
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const { busy, errors, run } = useSubmit(KNOWN);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await post<EndpointWithSecret>(api(community), check(createEndpointBody, { ...v, eventTypes }));
      onCreated();
      navigate(`${page(community)}/${created.id}`, { state: { secret: created.secret, flash: "The endpoint is subscribed." } });
    });
  };
  return (
    <form className="card form-wide stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${F}-title`}>Add an endpoint</h2>
      <ErrorSummary form={F} errors={errors} labels={LABELS} />
      <TextField form={F} name="url" label={LABELS.url} type="url" inputMode="url" autoComplete="off" required placeholder="https://" hint="An https:// address that accepts POST requests. Addresses on private networks are refused." value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} error={errors.fields.url} />
      <TextField form={F} name="description" label={LABELS.description} hint="Optional: what receives these events, for the other organisers." value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={errors.fields.description} />
      <EventTypesField form={F} types={types} value={eventTypes} onChange={setEventTypes} error={errors.fields.eventTypes} />
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel="Checking the address…">
          Add endpoint
        </SubmitButton>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- one endpoint

export function WebhookEndpointPage() {
  const { community = "", endpointId = "" } = useParams();
  const location = useLocation();
  const [base] = useCommunityAndTypes(community);
  const [endpoint, , setEndpoint] = useLoad((signal) => get<EndpointView>(`${api(community)}/${endpointId}`, signal), [community, endpointId]);
  const [secret, setSecret] = useState<string | null>((location.state as { secret?: string } | null)?.secret ?? null);
  const [logKey, setLogKey] = useState(0);
  useTitle(endpoint.status === "ok" ? `Webhook endpoint ${endpoint.data.url}` : endpoint.status === "error" || base.status === "error" ? null : "Webhook endpoint");
  if (base.status === "loading" || endpoint.status === "loading") return <Loading />;
  if (base.status === "error") return <PageError error={base.error} what="This community" />;
  if (endpoint.status === "error") return <PageError error={endpoint.error} what="This webhook endpoint" />;
  const { c, types } = base.data;
  const e = endpoint.data;
  const path = `${api(c.slug)}/${e.id}`;
  const st = endpointState(e);
  return (
    <div className="wrap">
      <Flash />
      <Breadcrumb community={c} trail={[{ label: "Webhooks", to: page(c.slug) }, { label: "Endpoint" }]} />
      <PageHeader title={<span className="break">{e.url}</span>} eyebrow={`${c.name} · Webhook endpoint`}>
        <p>
          <Badge tone={st.tone}>{st.label}</Badge> {e.description ? <span className="muted">{e.description}</span> : null}
        </p>
      </PageHeader>
      {secret ? <SecretOnce secret={secret} /> : null}
      {e.state === "disabled" && e.disabledReason === "failing" ? (
        <div className="notice notice-warning" role="status">
          Deliveries to this endpoint kept failing for more than a day, so it was disabled {e.disabledAt ? `on ${formatStamp(e.disabledAt)}` : ""}. Fix the receiver, then enable it: the {e.pending} waiting {e.pending === 1 ? "delivery goes" : "deliveries go"} out in order, and failed ones can be redelivered from the log.
        </div>
      ) : null}
      <div className="stack">
        <EndpointFacts e={e} />
        <EndpointActions
          path={path}
          e={e}
          onChange={(next, newSecret) => {
            setEndpoint(next);
            if (newSecret) setSecret(newSecret);
            setLogKey((k) => k + 1);
          }}
          communityPage={page(c.slug)}
        />
        <DeliveryLog key={logKey} path={path} enabled={e.state === "enabled"} />
        <EditEndpointForm path={path} e={e} types={types} onSaved={setEndpoint} />
      </div>
    </div>
  );
}

function EndpointFacts({ e }: { e: EndpointView }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Overview</h2>
      <dl className="facts">
        <dt>Events</dt>
        <dd>{e.eventTypes.map((t) => <code key={t} className="small">{t} </code>)}</dd>
        <dt>Waiting to be sent</dt>
        <dd>{e.pending}</dd>
        <dt>Failed (kept for the log)</dt>
        <dd>{e.failed}</dd>
        <dt>Last delivery</dt>
        <dd>{e.lastDelivery ? `${e.lastDelivery.ok ? "Delivered" : "Failed"}: ${statusText(e.lastDelivery.status, true)}, ${durationText(e.lastDelivery.durationMs)}, ${formatStamp(e.lastDelivery.at)}` : "None yet"}</dd>
        <dt>Signing secret</dt>
        <dd>
          {e.secretRotatedAt ? `Rotated ${formatStamp(e.secretRotatedAt)}` : `Created ${formatStamp(e.createdAt)}`}
          {e.previousSecretExpiresAt && Date.parse(e.previousSecretExpiresAt) > Date.now() ? `; the previous secret signs too until ${formatStamp(e.previousSecretExpiresAt)}` : ""}
        </dd>
      </dl>
    </section>
  );
}

function EndpointActions({ path, e, onChange, communityPage }: { path: string; e: EndpointView; onChange: (e: EndpointView, secret?: string) => void; communityPage: string }) {
  const F = "endpoint-actions";
  const navigate = useNavigate();
  const [overlap, setOverlap] = useState("24");
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit([]);
  const act = (what: () => Promise<void>) => {
    setMessage("");
    void run(what);
  };
  return (
    <section className="card stack" aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>Actions</h2>
      <Status>{message}</Status>
      <ErrorSummary form={F} errors={errors} labels={{}} />
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={busy || e.state !== "enabled"}
          onClick={() =>
            act(async () => {
              await post(`${path}/test`);
              onChange({ ...e, pending: e.pending + 1 });
              setMessage("A test event is queued; it appears in the log below within a few seconds.");
            })
          }
        >
          Send a test event
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const next = await patch<EndpointView>(path, { enabled: e.state !== "enabled" });
              onChange(next);
              setMessage(next.state === "enabled" ? "The endpoint is active again; waiting deliveries go out in order." : "The endpoint is paused: nothing is sent, and new events are not queued for it.");
            })
          }
        >
          {e.state === "enabled" ? "Pause deliveries" : "Enable"}
        </button>
      </div>
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          act(async () => {
            const next = await post<EndpointWithSecret>(`${path}/rotate-secret`, { overlapHours: Number(overlap) });
            const { secret, ...view } = next;
            onChange(view, secret);
            setMessage("The secret is rotated. Copy the new one above.");
          });
        }}
      >
        <SelectField form={F} name="overlap" label="Rotate the signing secret, keeping the old one valid for" options={OVERLAP_CHOICES} value={overlap} onChange={(ev) => setOverlap(ev.target.value)} hint="During the overlap every delivery carries two signatures, so the receiver can switch secrets without refusing anything." />
        <SubmitButton busy={busy} className="button secondary">
          Rotate secret
        </SubmitButton>
      </form>
      <div className="danger-zone card">
        <h3>Remove this endpoint</h3>
        <p className="muted">Its delivery log goes with it. Deliveries not yet sent are dropped.</p>
        <button
          type="button"
          className="button danger-outline"
          disabled={busy}
          onClick={() =>
            act(async () => {
              if (!window.confirm(`Remove the endpoint ${e.url}? Its log and waiting deliveries go with it.`)) return;
              await del(path);
              navigate(communityPage, { state: { flash: `The endpoint ${e.url} is removed.` } });
            })
          }
        >
          Remove endpoint
        </button>
      </div>
    </section>
  );
}

function EditEndpointForm({ path, e, types, onSaved }: { path: string; e: EndpointView; types: EventTypeView[]; onSaved: (e: EndpointView) => void }) {
  const F = "edit-endpoint";
  const [v, setV] = useState({ url: e.url, description: e.description });
  const [eventTypes, setEventTypes] = useState<string[]>(e.eventTypes);
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(KNOWN);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setSaved("");
    void run(async () => {
      onSaved(await patch<EndpointView>(path, check(updateEndpointBody, { ...v, eventTypes })));
      setSaved("The endpoint is saved.");
    });
  };
  return (
    <form className="card form-wide stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${F}-title`}>Settings</h2>
      <Status>{saved}</Status>
      <ErrorSummary form={F} errors={errors} labels={LABELS} />
      <TextField form={F} name="url" label={LABELS.url} type="url" inputMode="url" autoComplete="off" required value={v.url} onChange={(x) => setV({ ...v, url: x.target.value })} error={errors.fields.url} />
      <TextField form={F} name="description" label={LABELS.description} value={v.description} onChange={(x) => setV({ ...v, description: x.target.value })} error={errors.fields.description} />
      <EventTypesField form={F} types={types} value={eventTypes} onChange={setEventTypes} error={errors.fields.eventTypes} />
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- the delivery log

const STATE_FILTER = [{ value: "", label: "All deliveries" }, ...DELIVERY_STATES.map((s) => ({ value: s, label: DELIVERY_LABEL[s].label }))];

function DeliveryLog({ path, enabled }: { path: string; enabled: boolean }) {
  const [state, setState] = useState("");
  const [tick, setTick] = useState(0);
  const [more, setMore] = useState<DeliveryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [log] = useLoad(
    async (signal) => {
      const r = await get<{ deliveries: DeliveryView[]; next: number | null }>(`${path}/deliveries${query({ state, limit: 50 })}`, signal);
      setMore([]);
      setNext(r.next);
      return r.deliveries;
    },
    [path, state, tick],
  );
  const loadMore = async () => {
    if (next === null) return;
    const r = await get<{ deliveries: DeliveryView[]; next: number | null }>(`${path}/deliveries${query({ state, limit: 50, before: next })}`);
    setMore((m) => [...m, ...r.deliveries]);
    setNext(r.next);
  };
  const rows = log.status === "ok" ? [...log.data, ...more] : [];
  return (
    <section className="card stack" aria-labelledby="log-title">
      <h2 id="log-title">Delivery log</h2>
      <div className="filters">
        <SelectField form="log" name="state" label="Show" options={STATE_FILTER} value={state} onChange={(e) => setState(e.target.value)} />
        <button type="button" className="button small secondary" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>
      </div>
      {log.status === "loading" ? <Loading label="Loading the log…" /> : null}
      {log.status === "error" ? <p className="notice notice-error">{log.error.message}</p> : null}
      {log.status === "ok" && rows.length === 0 ? <p className="empty">No deliveries{state ? " in this state" : ""} yet.</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Deliveries to this endpoint, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Queued</th>
                <th scope="col">Event</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
                <th scope="col">Answer</th>
                <th scope="col">Response time</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <DeliveryRow key={d.id} path={path} d={d} enabled={enabled} onQueued={() => setTick((t) => t + 1)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next !== null ? (
        <button type="button" className="button secondary" onClick={() => void loadMore()}>
          Show older deliveries
        </button>
      ) : null}
    </section>
  );
}

function DeliveryRow({ path, d, enabled, onQueued }: { path: string; d: DeliveryView; enabled: boolean; onQueued: () => void }) {
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const label = DELIVERY_LABEL[d.state];
  const detailsId = `delivery-${d.id}`;
  const toggle = async () => {
    if (!open && !detail) {
      try {
        setDetail(await get<DeliveryDetail>(`${path}/deliveries/${d.id}`));
      } catch (err) {
        setError((err as Error).message);
      }
    }
    setOpen((o) => !o);
  };
  const redeliver = async () => {
    setBusy(true);
    setError("");
    try {
      await post(`${path}/deliveries/${d.id}/redeliver`);
      onQueued();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <tr>
        <td>{formatStamp(d.createdAt)}</td>
        <td>
          <code className="small">{d.type}</code>
          {d.redeliveryOf ? <div className="muted small">redelivery</div> : null}
        </td>
        <td>
          <Badge tone={label.tone}>{label.label}</Badge>
          {d.state === "pending" && d.attempts > 0 && d.nextAttemptAt ? <div className="muted small">next try {formatStamp(d.nextAttemptAt)}</div> : null}
        </td>
        <td className="num">{d.attempts}</td>
        <td>
          {statusText(d.lastStatus, d.attempts > 0)}
          {d.lastError && d.lastStatus === null ? <div className="muted small">{d.lastError}</div> : null}
        </td>
        <td className="num">{durationText(d.lastDurationMs)}</td>
        <td className="actions">
          <div className="button-row">
            <button type="button" className="button small secondary" aria-expanded={open} aria-controls={detailsId} onClick={() => void toggle()}>
              Details<span className="visually-hidden"> of the {d.type} delivery queued {formatStamp(d.createdAt)}</span>
            </button>
            {d.state !== "pending" ? (
              <button type="button" className="button small secondary" disabled={busy || !enabled} title={enabled ? undefined : "Enable the endpoint first"} onClick={() => void redeliver()}>
                Redeliver<span className="visually-hidden"> the {d.type} event</span>
              </button>
            ) : null}
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr id={detailsId}>
          <td colSpan={7}>
            {detail ? (
              <div className="stack">
                <p className="small">
                  Message <code>{detail.messageId}</code> (the <code>webhook-id</code> header, the same on every attempt)
                </p>
                {detail.attemptsLog.length ? (
                  <table className="table">
                    <caption>Attempts</caption>
                    <thead>
                      <tr>
                        <th scope="col">When</th>
                        <th scope="col">Answer</th>
                        <th scope="col">Response time</th>
                        <th scope="col">Error or response</th>
                      </tr>
                    </thead>
                    <tbody>
                      {detail.attemptsLog.map((a, i) => (
                        <tr key={i}>
                          <td>{formatStamp(a.at)}</td>
                          <td>{statusText(a.status, true)}</td>
                          <td className="num">{durationText(a.durationMs)}</td>
                          <td className="pre-wrap small">{[a.error, a.response].filter(Boolean).join("\n") || "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="muted">Not attempted yet.</p>
                )}
                <details>
                  <summary>Payload</summary>
                  <pre className="pre-wrap small">{prettyJson(detail.body)}</pre>
                </details>
              </div>
            ) : (
              <Loading />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}
