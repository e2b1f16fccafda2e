import { useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { LIMITS as ACCOUNT_LIMITS } from "../../../server/features/accounts/schema.js";
import { organiserBody, type CommunityView } from "../../../server/features/communities/schema.js";
import { del, get, post } from "../../app/api.js";
import { ApiError } from "../../app/errors.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { T, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { EventList, KindFilter, kindParam, PastByYear, useUpcomingAndPast } from "../events/EventLists.js";

type Person = { userId: string; name: string; email: string };

export function CommunitiesPage() {
  const { t } = useI18n();
  const [state] = useLoad((signal) => get<{ communities: CommunityView[] }>("/communities", signal), []);
  useTitle(state.status === "error" ? null : t("communities.list.title"));
  return (
    <div className="wrap">
      <div className="page-header">
        <h1>{t("communities.list.title")}</h1>
        <p className="lede">{t("communities.list.lede")}</p>
      </div>
      {state.status === "loading" ? <Loading /> : null}
      {state.status === "error" ? <PageError error={state.error} /> : null}
      {state.status === "ok" ? (
        state.data.communities.length ? (
          <ul className="community-list">
            {state.data.communities.map((c) => (
              <li key={c.id} className="card community-card">
                <h2>
                  <Link to={`/communities/${c.slug}`}>{c.name}</Link>
                </h2>
                <p className="clamp">{c.description}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("communities.list.empty")}</p>
        )
      ) : null}
    </div>
  );
}

export function CommunityPage() {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const kind = kindParam(params.get("kind"));
  const [state] = useLoad((signal) => get<CommunityView>(`/communities/${community}`, signal), [community]);
  const [events] = useUpcomingAndPast({ community, kind });
  // Only community organisers and admins may read the organiser list; the answer decides what this page offers.
  const [organisers, , setOrganisers] = useLoad(
    async (signal) => {
      if (!user) return null;
      try {
        return (await get<{ organisers: Person[] }>(`/communities/${community}/organisers`, signal)).organisers;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 403 || err.status === 401)) return null;
        throw err;
      }
    },
    [community, user?.id],
  );
  useTitle(state.status === "ok" ? state.data.name : state.status === "error" ? null : t("communities.page.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("communities.page.what")} />;
  const c = state.data;
  const pickKind = (k: string | undefined) => {
    const p = new URLSearchParams(params);
    if (k) p.set("kind", k);
    else p.delete("kind");
    setParams(p, { replace: true });
  };
  const canManage = organisers.status === "ok" && organisers.data !== null;
  return (
    <>
      <section className="hero community-hero">
        <div className="wrap">
          <Flash />
          <p className="eyebrow">{t("communities.page.title")}</p>
          <h1>{c.name}</h1>
          {c.website ? (
            <p>
              <a href={c.website} rel="noopener noreferrer">
                {c.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
              </a>
            </p>
          ) : null}
          <p className="button-row">
            <Link to={`/communities/${c.slug}/road`} className="button secondary">
              {t("road.title")}
            </Link>
            <Link to={`/communities/${c.slug}/announcements`} className="button secondary">
              {t("announcements.title")}
            </Link>
            {canManage ? (
              <>
                <Link to={`/communities/${c.slug}/new-event`} className="button primary">
                  {t("communities.page.createEvent")}
                </Link>
                <Link to={`/communities/${c.slug}/webhooks`} className="button secondary">
                  {t("webhooks.list.title")}
                </Link>
              </>
            ) : null}
          </p>
        </div>
      </section>
      <div className="wrap community-layout">
        <div>
          {c.descriptionHtml ? <div className="prose lede-prose" dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} /> : null}
          <div className="filters">
            <KindFilter kind={kind} onPick={pickKind} />
          </div>
          {events.status === "loading" ? <Loading label={t("events.home.loading")} /> : null}
          {events.status === "error" ? <PageError error={events.error} /> : null}
          {events.status === "ok" ? (
            <>
              <section aria-labelledby="community-upcoming" className="event-section">
                <h2 id="community-upcoming">{t("events.home.upcoming")}</h2>
                {events.data.upcoming.events.length ? (
                  <EventList events={events.data.upcoming.events} headingLevel={3} showCommunity={false} />
                ) : (
                  <p className="empty">{t("events.home.noUpcoming", { filtered: kind ? "yes" : "no" })}</p>
                )}
              </section>
              <section aria-labelledby="community-past" className="event-section">
                <h2 id="community-past">{t("events.home.past")}</h2>
                <PastByYear events={events.data.past} idPrefix="cy" showCommunity={false} empty={<p className="empty">{t("events.home.noPast", { filtered: kind ? "yes" : "no" })}</p>} />
              </section>
            </>
          ) : null}
        </div>
        {canManage && organisers.status === "ok" && organisers.data ? <OrganisersPanel community={c.slug} organisers={organisers.data} onChange={setOrganisers} /> : null}
      </div>
    </>
  );
}

function OrganisersPanel({ community, organisers, onChange }: { community: string; organisers: Person[]; onChange: (p: Person[]) => void }) {
  const FORM = "organiser";
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit(ORGANISER_FIELDS);
  const remove = useSubmit(ORGANISER_FIELDS);
  const { user } = useSession();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage("");
    void run(async () => {
      const r = await post<{ organisers: Person[] }>(`/communities/${community}/organisers`, check(organiserBody, { email: email.trim() }));
      onChange(r.organisers);
      setMessage(t("communities.organisers.added", { email: email.trim() }));
      setEmail("");
    });
  };
  return (
    <aside className="card organisers" aria-labelledby="organisers-title">
      <h2 id="organisers-title">{t("communities.organisers.title")}</h2>
      <p className="muted small">{t("communities.organisers.intro")}</p>
      <Status>{message}</Status>
      <ErrorSummary form={`${FORM}-remove`} errors={remove.errors} labels={{}} />
      <ul className="people">
        {organisers.map((p) => (
          <li key={p.userId}>
            <div>
              <span className="person-name">{p.name}</span>
              <span className="person-email">{p.email}</span>
            </div>
            <button
              type="button"
              className="button small danger-outline"
              disabled={remove.busy}
              onClick={() =>
                void remove.run(async () => {
                  const self = p.userId === user?.id;
                  if (!window.confirm(self ? t("communities.organisers.confirmRemoveSelf") : t("communities.organisers.confirmRemove", { name: p.name }))) return;
                  await del(`/communities/${community}/organisers/${p.userId}`);
                  onChange(organisers.filter((o) => o.userId !== p.userId));
                  setMessage(t("communities.organisers.removed", { name: p.name }));
                })
              }
            >
              <T id="communities.organisers.removeButton" values={{ name: p.name, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
            </button>
          </li>
        ))}
        {organisers.length === 0 ? <li className="muted">{t("communities.organisers.none")}</li> : null}
      </ul>
      <ErrorSummary form={FORM} errors={errors} labels={{ email: t("common.email") }} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form={FORM} name="email" label={t("communities.organisers.addLabel")} type="email" autoComplete="off" required maxLength={ACCOUNT_LIMITS.emailMax} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} hint={t("events.roles.needsAccount")} />
        <SubmitButton busy={busy} busyLabel={t("common.adding")} className="button secondary">
          {t("communities.organisers.add")}
        </SubmitButton>
      </form>
    </aside>
  );
}
const ORGANISER_FIELDS = ["email"] as const;
