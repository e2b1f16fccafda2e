import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import type { CommunityView } from "../../../server/features/communities/schema.js";
import { createEndpointBody, DELIVERY_STATES, LIMITS, updateEndpointBody, type DeliveryDetail, type DeliveryView, type EndpointView, type EndpointWithSecret, type EventTypeView } from "../../../server/features/webhooks/schema.js";
import { del, get, patch, post, query } from "../../app/api.js";
import { CopyBox } from "../../app/copy.js";
import { formatStamp } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { T, t as tNow, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { EventTypesField } from "./EventTypesField.js";
import { DELIVERY_LABEL, durationText, endpointState, OVERLAP_HOURS, prettyJson } from "./logic.js";

const api = (community: string) => `/communities/${community}/webhooks`;
const page = (community: string) => `/communities/${community}/webhooks`;
const KNOWN = ["url", "description", "eventTypes"];
/** The scheme every endpoint starts with: the same in every language. */
const URL_PLACEHOLDER = "https://";

function useLabels() {
  const { t } = useI18n();
  return { url: t("webhooks.form.url"), description: t("webhooks.form.description"), eventTypes: t("webhooks.form.eventTypes") };
}

function Breadcrumb({ community, trail }: { community: CommunityView; trail: { label: string; to?: string }[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("webhooks.breadcrumb")} className="breadcrumb">
      <ol>
        <li>
          <Link to={`/communities/${community.slug}`}>{community.name}</Link>
        </li>
        {trail.map((x) =>
          x.to ? (
            <li key={x.label}>
              <Link to={x.to}>{x.label}</Link>
            </li>
          ) : (
            <li key={x.label} aria-current="page">
              {x.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

function Badge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`state-badge state-${tone}`}>{children}</span>;
}

/** What the receiver answered: its status, "no answer", or nothing yet. */
function Answer({ status, attempted }: { status: number | null; attempted: boolean }) {
  const { t } = useI18n();
  if (!attempted) return <>{t("webhooks.log.none")}</>;
  return <>{status === null ? t("webhooks.log.noAnswer") : status}</>;
}

/** The signing secret, right after it was made: shown this once, with a copy button. */
function SecretOnce({ secret }: { secret: string }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-success" role="status">
      <p>
        <T id="webhooks.secret.once" values={{ code: (c) => <code>{c}</code> }} />
      </p>
      <CopyBox value={secret} label={t("webhooks.secret.label")} />
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
  const { t, locale } = useI18n();
  const { community = "" } = useParams();
  const [base] = useCommunityAndTypes(community);
  const [list, reload] = useLoad((signal) => get<{ endpoints: EndpointView[]; limit: number }>(api(community), signal), [community]);
  useTitle(base.status === "ok" ? t("webhooks.list.titleOf", { community: base.data.c.name }) : base.status === "error" || list.status === "error" ? null : t("webhooks.list.title"));
  if (base.status === "loading" || list.status === "loading") return <Loading />;
  if (base.status === "error") return <PageError error={base.error} what={t("webhooks.communityWhat")} />;
  if (list.status === "error") return <PageError error={list.error} what={t("webhooks.communityWhat")} />;
  const { c, types } = base.data;
  const { endpoints, limit } = list.data;
  return (
    <div className="wrap">
      <Flash />
      <Breadcrumb community={c} trail={[{ label: t("webhooks.list.title") }]} />
      <PageHeader title={t("webhooks.list.title")} eyebrow={c.name} />
      <p className="lede">
        <T id="webhooks.list.lede" values={{ docs: (x) => <a href="/api/v1/docs#webhook-events">{x}</a> }} />
      </p>
      <section aria-labelledby="endpoints-title" className="stack">
        <h2 id="endpoints-title">{t("webhooks.list.endpoints")}</h2>
        {endpoints.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("webhooks.list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("webhooks.list.endpoint")}</th>
                  <th scope="col">{t("webhooks.list.state")}</th>
                  <th scope="col">{t("webhooks.list.events")}</th>
                  <th scope="col">{t("webhooks.list.waiting")}</th>
                  <th scope="col">{t("webhooks.list.lastDelivery")}</th>
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
                        <Badge tone={st.tone}>{t(st.label)}</Badge>
                      </td>
                      <td className="num">{e.eventTypes.length.toLocaleString(locale)}</td>
                      <td className="num">{e.pending.toLocaleString(locale)}</td>
                      <td>{e.lastDelivery ? t(e.lastDelivery.ok ? "webhooks.list.lastOk" : "webhooks.list.lastFailed", { status: e.lastDelivery.status ?? t("webhooks.log.noAnswer"), at: formatStamp(e.lastDelivery.at) }) : t("webhooks.list.noneYet")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("webhooks.list.empty")}</p>
        )}
      </section>
      {endpoints.length < limit ? <NewEndpointForm community={c.slug} types={types} onCreated={reload} /> : <p className="muted">{t("webhooks.list.full", { limit })}</p>}
    </div>
  );
}

function NewEndpointForm({ community, types, onCreated }: { community: string; types: EventTypeView[]; onCreated: () => void }) {
  const F = "new-endpoint";
  const { t } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const [v, setV] = useState({ url: "", description: "" });
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const { busy, errors, run } = useSubmit(KNOWN);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await post<EndpointWithSecret>(api(community), check(createEndpointBody, { ...v, eventTypes }));
      onCreated();
      navigate(`${page(community)}/${created.id}`, { state: { secret: created.secret, flash: t("webhooks.form.created") } });
    });
  };
  return (
    <form className="card form-wide stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${F}-title`}>{t("webhooks.form.newTitle")}</h2>
      <ErrorSummary form={F} errors={errors} labels={labels} />
      <TextField form={F} name="url" label={labels.url} type="url" inputMode="url" autoComplete="off" required maxLength={LIMITS.urlMax} placeholder={URL_PLACEHOLDER} hint={t("webhooks.form.urlHint")} value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} error={errors.fields.url} />
      <TextField form={F} name="description" label={labels.description} hint={t("webhooks.form.descriptionHint")} maxLength={LIMITS.descriptionMax} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} error={errors.fields.description} />
      <EventTypesField form={F} types={types} value={eventTypes} onChange={setEventTypes} error={errors.fields.eventTypes} />
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel={t("webhooks.form.checking")}>
          {t("webhooks.form.add")}
        </SubmitButton>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- one endpoint

export function WebhookEndpointPage() {
  const { t, locale } = useI18n();
  const { community = "", endpointId = "" } = useParams();
  const location = useLocation();
  const [base] = useCommunityAndTypes(community);
  const [endpoint, , setEndpoint] = useLoad((signal) => get<EndpointView>(`${api(community)}/${endpointId}`, signal), [community, endpointId]);
  const [secret, setSecret] = useState<string | null>((location.state as { secret?: string } | null)?.secret ?? null);
  const [logKey, setLogKey] = useState(0);
  useTitle(endpoint.status === "ok" ? t("webhooks.endpoint.titleOf", { url: endpoint.data.url }) : endpoint.status === "error" || base.status === "error" ? null : t("webhooks.endpoint.title"));
  if (base.status === "loading" || endpoint.status === "loading") return <Loading />;
  if (base.status === "error") return <PageError error={base.error} what={t("webhooks.communityWhat")} />;
  if (endpoint.status === "error") return <PageError error={endpoint.error} what={t("webhooks.endpointWhat")} />;
  const { c, types } = base.data;
  const e = endpoint.data;
  const path = `${api(c.slug)}/${e.id}`;
  const st = endpointState(e);
  return (
    <div className="wrap">
      <Flash />
      <Breadcrumb community={c} trail={[{ label: t("webhooks.list.title"), to: page(c.slug) }, { label: t("webhooks.endpoint.title") }]} />
      <PageHeader title={<span className="break">{e.url}</span>} eyebrow={t("webhooks.endpoint.eyebrow", { community: c.name })}>
        <p>
          <Badge tone={st.tone}>{t(st.label)}</Badge> {e.description ? <span className="muted">{e.description}</span> : null}
        </p>
      </PageHeader>
      {secret ? <SecretOnce secret={secret} /> : null}
      {e.state === "disabled" && e.disabledReason === "failing" ? (
        <div className="notice notice-warning" role="status">
          {t("webhooks.endpoint.failingNotice", { at: e.disabledAt ? formatStamp(e.disabledAt) : "", pending: e.pending, pendingText: e.pending.toLocaleString(locale) })}
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
  const { t, locale } = useI18n();
  const overlapping = e.previousSecretExpiresAt && Date.parse(e.previousSecretExpiresAt) > Date.now();
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t("webhooks.facts.title")}</h2>
      <dl className="facts">
        <dt>{t("webhooks.list.events")}</dt>
        <dd className="chips">
          {e.eventTypes.map((x) => (
            <code key={x} className="small">
              {x}
            </code>
          ))}
        </dd>
        <dt>{t("webhooks.facts.waiting")}</dt>
        <dd>{e.pending.toLocaleString(locale)}</dd>
        <dt>{t("webhooks.facts.failed")}</dt>
        <dd>{e.failed.toLocaleString(locale)}</dd>
        <dt>{t("webhooks.list.lastDelivery")}</dt>
        <dd>
          {e.lastDelivery
            ? t(e.lastDelivery.ok ? "webhooks.facts.lastOk" : "webhooks.facts.lastFailed", { status: e.lastDelivery.status ?? t("webhooks.log.noAnswer"), duration: durationText(locale, e.lastDelivery.durationMs) ?? "", at: formatStamp(e.lastDelivery.at) })
            : t("webhooks.list.noneYet")}
        </dd>
        <dt>{t("webhooks.facts.secret")}</dt>
        <dd>
          {e.secretRotatedAt ? t("webhooks.facts.rotated", { at: formatStamp(e.secretRotatedAt) }) : t("webhooks.facts.createdAt", { at: formatStamp(e.createdAt) })}
          {overlapping ? <div>{t("webhooks.facts.overlap", { until: formatStamp(e.previousSecretExpiresAt!) })}</div> : null}
        </dd>
      </dl>
    </section>
  );
}

function EndpointActions({ path, e, onChange, communityPage }: { path: string; e: EndpointView; onChange: (e: EndpointView, secret?: string) => void; communityPage: string }) {
  const F = "endpoint-actions";
  const { t } = useI18n();
  const navigate = useNavigate();
  const [overlap, setOverlap] = useState("24");
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit([]);
  const act = (what: () => Promise<void>) => {
    setMessage("");
    void run(what);
  };
  const overlapOptions = OVERLAP_HOURS.map((h) => ({ value: String(h), label: t("webhooks.actions.overlapHours", { hours: h }) }));
  return (
    <section className="card stack" aria-labelledby={`${F}-title`}>
      <h2 id={`${F}-title`}>{t("common.actions")}</h2>
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
              setMessage(t("webhooks.actions.testQueued"));
            })
          }
        >
          {t("webhooks.actions.test")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const next = await patch<EndpointView>(path, { enabled: e.state !== "enabled" });
              onChange(next);
              setMessage(t(next.state === "enabled" ? "webhooks.actions.enabled" : "webhooks.actions.paused"));
            })
          }
        >
          {t(e.state === "enabled" ? "webhooks.actions.pause" : "webhooks.actions.enable")}
        </button>
      </div>
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          act(async () => {
            const { secret, ...view } = await post<EndpointWithSecret>(`${path}/rotate-secret`, { overlapHours: Number(overlap) });
            onChange(view, secret);
            setMessage(t("webhooks.actions.rotated"));
          });
        }}
      >
        <SelectField form={F} name="overlap" label={t("webhooks.actions.overlap")} options={overlapOptions} value={overlap} onChange={(ev) => setOverlap(ev.target.value)} hint={t("webhooks.actions.overlapHint")} />
        <SubmitButton busy={busy} className="button secondary">
          {t("webhooks.actions.rotate")}
        </SubmitButton>
      </form>
      <div className="danger-zone card">
        <h3>{t("webhooks.actions.removeTitle")}</h3>
        <p className="muted">{t("webhooks.actions.removeHint")}</p>
        <button
          type="button"
          className="button danger-outline"
          disabled={busy}
          onClick={() =>
            act(async () => {
              if (!window.confirm(tNow("webhooks.actions.removeConfirm", { url: e.url }))) return;
              await del(path);
              navigate(communityPage, { state: { flash: tNow("webhooks.actions.removed", { url: e.url }) } });
            })
          }
        >
          {t("webhooks.actions.remove")}
        </button>
      </div>
    </section>
  );
}

function EditEndpointForm({ path, e, types, onSaved }: { path: string; e: EndpointView; types: EventTypeView[]; onSaved: (e: EndpointView) => void }) {
  const F = "edit-endpoint";
  const { t } = useI18n();
  const labels = useLabels();
  const [v, setV] = useState({ url: e.url, description: e.description });
  const [eventTypes, setEventTypes] = useState<string[]>(e.eventTypes);
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(KNOWN);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setSaved("");
    void run(async () => {
      onSaved(await patch<EndpointView>(path, check(updateEndpointBody, { ...v, eventTypes })));
      setSaved(t("common.changesSaved"));
    });
  };
  return (
    <form className="card form-wide stack" aria-labelledby={`${F}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${F}-title`}>{t("webhooks.form.settingsTitle")}</h2>
      <Status>{saved}</Status>
      <ErrorSummary form={F} errors={errors} labels={labels} />
      <TextField form={F} name="url" label={labels.url} type="url" inputMode="url" autoComplete="off" required maxLength={LIMITS.urlMax} value={v.url} onChange={(x) => setV({ ...v, url: x.target.value })} error={errors.fields.url} />
      <TextField form={F} name="description" label={labels.description} maxLength={LIMITS.descriptionMax} value={v.description} onChange={(x) => setV({ ...v, description: x.target.value })} error={errors.fields.description} />
      <EventTypesField form={F} types={types} value={eventTypes} onChange={setEventTypes} error={errors.fields.eventTypes} />
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel={t("common.saving")}>
          {t("common.save")}
        </SubmitButton>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- the delivery log

type Page = { deliveries: DeliveryView[]; next: number | null };

function DeliveryLog({ path, enabled }: { path: string; enabled: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState("");
  const [tick, setTick] = useState(0);
  const [more, setMore] = useState<DeliveryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [log] = useLoad(
    async (signal) => {
      const r = await get<Page>(`${path}/deliveries${query({ state, limit: 50 })}`, signal);
      setMore([]);
      setNext(r.next);
      return r.deliveries;
    },
    [path, state, tick],
  );
  const loadMore = async () => {
    if (next === null) return;
    const r = await get<Page>(`${path}/deliveries${query({ state, limit: 50, before: next })}`);
    setMore((m) => [...m, ...r.deliveries]);
    setNext(r.next);
  };
  const filter = [{ value: "", label: t("webhooks.log.all") }, ...DELIVERY_STATES.map((s) => ({ value: s, label: t(DELIVERY_LABEL[s].label) }))];
  const rows = log.status === "ok" ? [...log.data, ...more] : [];
  return (
    <section className="card stack" aria-labelledby="log-title">
      <h2 id="log-title">{t("webhooks.log.title")}</h2>
      <div className="filters">
        <SelectField form="log" name="state" label={t("webhooks.log.show")} options={filter} value={state} onChange={(e) => setState(e.target.value)} />
        <button type="button" className="button small secondary" onClick={() => setTick((x) => x + 1)}>
          {t("common.refresh")}
        </button>
      </div>
      {log.status === "loading" ? <Loading label={t("webhooks.log.loading")} /> : null}
      {log.status === "error" ? <p className="notice notice-error">{log.error.message}</p> : null}
      {log.status === "ok" && rows.length === 0 ? <p className="empty">{t(state ? "webhooks.log.emptyInState" : "webhooks.log.empty")}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("webhooks.log.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.log.queued")}</th>
                <th scope="col">{t("webhooks.log.event")}</th>
                <th scope="col">{t("webhooks.list.state")}</th>
                <th scope="col">{t("webhooks.log.attempts")}</th>
                <th scope="col">{t("webhooks.log.answer")}</th>
                <th scope="col">{t("webhooks.log.responseTime")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("webhooks.log.details")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <DeliveryRow key={d.id} path={path} d={d} enabled={enabled} onQueued={() => setTick((x) => x + 1)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next !== null ? (
        <button type="button" className="button secondary" onClick={() => void loadMore()}>
          {t("webhooks.log.older")}
        </button>
      ) : null}
    </section>
  );
}

function DeliveryRow({ path, d, enabled, onQueued }: { path: string; d: DeliveryView; enabled: boolean; onQueued: () => void }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<DeliveryDetail | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const label = DELIVERY_LABEL[d.state];
  const detailsId = `delivery-${d.id}`;
  const which = { type: d.type, at: formatStamp(d.createdAt) };
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
          {d.redeliveryOf ? <div className="muted small">{t("webhooks.log.redelivery")}</div> : null}
        </td>
        <td>
          <Badge tone={label.tone}>{t(label.label)}</Badge>
          {d.state === "pending" && d.attempts > 0 && d.nextAttemptAt ? <div className="muted small">{t("webhooks.log.nextTry", { at: formatStamp(d.nextAttemptAt) })}</div> : null}
        </td>
        <td className="num">{d.attempts.toLocaleString(locale)}</td>
        <td>
          <Answer status={d.lastStatus} attempted={d.attempts > 0} />
          {d.lastError && d.lastStatus === null ? <div className="muted small">{d.lastError}</div> : null}
        </td>
        <td className="num">{durationText(locale, d.lastDurationMs) ?? t("webhooks.log.none")}</td>
        <td className="actions">
          <div className="button-row">
            <button type="button" className="button small secondary" aria-expanded={open} aria-controls={detailsId} aria-label={t("webhooks.log.detailsOf", which)} onClick={() => void toggle()}>
              {t("webhooks.log.details")}
            </button>
            {d.state !== "pending" ? (
              <button type="button" className="button small secondary" disabled={busy || !enabled} title={enabled ? undefined : t("webhooks.log.enableFirst")} aria-label={t("webhooks.log.redeliverOf", which)} onClick={() => void redeliver()}>
                {t("webhooks.log.redeliver")}
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
                  <T id="webhooks.log.messageId" values={{ id: detail.messageId, code: (c) => <code>{c}</code> }} />
                </p>
                {detail.attemptsLog.length ? (
                  <div className="table-wrap">
                    <table className="table">
                      <caption>{t("webhooks.log.attemptsTitle")}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("webhooks.log.when")}</th>
                          <th scope="col">{t("webhooks.log.answer")}</th>
                          <th scope="col">{t("webhooks.log.responseTime")}</th>
                          <th scope="col">{t("webhooks.log.errorOrResponse")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {detail.attemptsLog.map((a, i) => (
                          <tr key={i}>
                            <td>{formatStamp(a.at)}</td>
                            <td>
                              <Answer status={a.status} attempted />
                            </td>
                            <td className="num">{durationText(locale, a.durationMs)}</td>
                            <td className="pre-wrap small">{(a.status === null ? a.error : a.response) || t("webhooks.log.none")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <p className="muted">{t("webhooks.log.notYet")}</p>
                )}
                <details>
                  <summary>{t("webhooks.log.payload")}</summary>
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
