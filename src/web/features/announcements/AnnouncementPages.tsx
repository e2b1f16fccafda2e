import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { createPostBody, LIMITS, subscribeBody, updatePostBody, type PostList, type PostView } from "../../../server/features/announcements/schema.js";
import { del, get, patch, post, query } from "../../app/api.js";
import { formatDay, formatMonth, formatStamp, instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { T, useI18n } from "../../app/i18n.js";
import { Flash, Loading, PageError } from "../../app/layout.js";

/** A post's day: the UTC day, as its archive month is a UTC month. */
const dateOf = (iso: string | null) => (iso ? formatDay(iso.slice(0, 10)) : "");
/** Punctuation between the parts of a byline: the same in every language we speak. */
const DOT = " · ";
const COMMA = ", ";
const base = (c: string) => `/communities/${c}/announcements`;

/** The index, a month's archive ("Monthly Archives: March 2014") or a tag's page, ten posts a page. */
export function AnnouncementsPage() {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? undefined;
  const tag = params.get("tag") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [state] = useLoad((signal) => get<PostList>(`${base(community)}${query({ month, tag, page: page > 1 ? page : undefined })}`, signal), [community, month, tag, page]);
  useTitle(state.status === "ok" ? state.data.heading : state.status === "error" ? null : t("announcements.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("announcements.list.what")} />;
  const l = state.data;
  const go = (p: number) => {
    const next = new URLSearchParams(params);
    if (p > 1) next.set("page", String(p));
    else next.delete("page");
    setParams(next);
  };
  return (
    <div className="wrap announcements">
      <Flash />
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>{t("communities.page.title")}</Link>
          </li>
          {month || tag ? (
            <li>
              <Link to={base(community)}>{t("announcements.title")}</Link>
            </li>
          ) : null}
          <li aria-current="page">{l.heading}</li>
        </ol>
      </nav>
      <div className="announcements-layout">
        <div>
          <h1>{l.heading}</h1>
          {l.can.write ? (
            <p className="button-row">
              <Link className="button primary" to={`${base(community)}/new`}>
                {t("announcements.edit.newTitle")}
              </Link>
              <Link className="button secondary" to={`/communities/${community}/announcement-drafts`}>
                {t("announcements.list.draftsButton")}
              </Link>
            </p>
          ) : null}
          {l.posts.length === 0 ? <p className="empty">{t("announcements.list.empty", { which: month ? "month" : tag ? "tag" : "all" })}</p> : null}
          {l.posts.map((p) => (
            <article key={p.id} className="post-summary" aria-labelledby={`post-${p.id}`}>
              <h2 id={`post-${p.id}`}>
                <Link to={`${base(community)}/${p.slug}`}>{p.title}</Link>
              </h2>
              <p className="muted small">
                <time dateTime={p.publishAt ?? undefined}>{dateOf(p.publishAt)}</time>
                {p.authorName ? DOT + p.authorName : null}
                {p.tags.length ? DOT : null}
                {p.tags.map((tag, i) => (
                  <span key={tag}>
                    {i ? COMMA : null}
                    <Link to={`${base(community)}?tag=${tag}`}>{tag}</Link>
                  </span>
                ))}
              </p>
              <p>{p.excerpt}</p>
            </article>
          ))}
          {l.pages > 1 ? (
            <nav aria-label={t("announcements.list.pages")} className="pager">
              <button type="button" className="button small secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
                {t("announcements.list.newer")}
              </button>
              <span>{t("announcements.list.pageOf", { page: l.page, pages: l.pages })}</span>
              <button type="button" className="button small secondary" disabled={page >= l.pages} onClick={() => go(page + 1)}>
                {t("announcements.list.older")}
              </button>
            </nav>
          ) : null}
        </div>
        <aside className="announcements-aside">
          <section className="card" aria-labelledby="archives-title">
            <h2 id="archives-title">{t("announcements.list.archives")}</h2>
            <ul className="plain-list">
              {l.archives.map((a) => (
                <li key={a.value}>
                  <Link to={`${base(community)}?month=${a.value}`} aria-current={a.value === month ? "page" : undefined}>
                    {formatMonth(a.value)}
                  </Link> <span className="muted">{t("announcements.list.count", { count: a.count })}</span>
                </li>
              ))}
            </ul>
          </section>
          {l.tags.length ? (
            <section className="card" aria-labelledby="tags-title">
              <h2 id="tags-title">{t("announcements.list.tags")}</h2>
              <p className="tag-cloud">
                {l.tags.map((x) => (
                  <Link key={x.value} className="badge" to={`${base(community)}?tag=${x.value}`}>
                    {t("announcements.list.tagCount", { tag: x.value, count: x.count })}
                  </Link>
                ))}
              </p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="follow-title">
            <h2 id="follow-title">{t("announcements.list.follow")}</h2>
            <p>
              <a href={l.feed} type="application/atom+xml">
                {tag ? t("announcements.list.tagFeed", { tag }) : t("announcements.list.feed")}
              </a>
            </p>
            <Subscribe community={community} />
          </section>
        </aside>
      </div>
    </div>
  );
}

function Subscribe({ community }: { community: string }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState("");
  const [done, setDone] = useState("");
  const { busy, errors, run } = useSubmit(["email"]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await post(`/communities/${community}/subscriptions`, check(subscribeBody, { email: email.trim(), locale }));
      setDone(t("announcements.subscribe.sent", { email: email.trim() }));
      setEmail("");
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Status>{done}</Status>
      <ErrorSummary form="subscribe" errors={errors} labels={{ email: t("common.email") }} />
      <TextField form="subscribe" name="email" type="email" label={t("announcements.subscribe.label")} autoComplete="email" maxLength={LIMITS.emailMax} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
      <SubmitButton busy={busy} className="button secondary small">
        {t("announcements.subscribe.submit")}
      </SubmitButton>
    </form>
  );
}

export function AnnouncementPage() {
  const { t } = useI18n();
  const { community = "", post: slug = "" } = useParams();
  const navigate = useNavigate();
  const [state, , setPost] = useLoad((signal) => get<PostView>(`${base(community)}/${slug}`, signal), [community, slug]);
  const [message, setMessage] = useState("");
  useTitle(state.status === "ok" ? state.data.title : state.status === "error" ? null : t("announcements.post.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("announcements.post.what")} />;
  const p = state.data;
  const act = async (what: "publish" | "unpublish") => {
    setPost(await post<PostView>(`${base(community)}/${p.slug}/${what}`, what === "publish" ? { at: null } : {}));
    setMessage(t(what === "publish" ? "announcements.post.published" : "announcements.post.unpublished"));
  };
  return (
    <article className="wrap narrow post">
      <Flash />
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={base(community)}>{t("announcements.title")}</Link>
          </li>
          {p.publishAt && p.state === "published" ? (
            <li>
              <Link to={`${base(community)}?month=${p.publishAt.slice(0, 7)}`}>{formatMonth(p.publishAt.slice(0, 7))}</Link>
            </li>
          ) : null}
          <li aria-current="page">{p.title}</li>
        </ol>
      </nav>
      <Status>{message}</Status>
      {p.state !== "published" ? <p className="badge badge-warn">{p.state === "scheduled" ? t("announcements.post.scheduledFor", { when: formatStamp(p.publishAt!) }) : t("announcements.post.draft")}</p> : null}
      <h1>{p.title}</h1>
      <p className="muted">
        {dateOf(p.publishAt)}
        {p.authorName ? DOT + p.authorName : null}
        {p.event ? (
          <>
            {DOT}
            <Link to={`/communities/${community}/events/${p.event.slug}`}>{p.event.name}</Link>
          </>
        ) : null}
        {p.talk ? (
          <>
            {DOT}
            <Link to={`/communities/${community}/road/talks/${p.talk.id}`}>{p.talk.title}</Link>
          </>
        ) : null}
      </p>
      {p.coverImageUrl ? <img className="cover" src={p.coverImageUrl} alt={p.coverImageAlt} /> : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
      {p.tags.length ? (
        <p>
          {p.tags.map((tag) => (
            <Link key={tag} className="badge" to={`${base(community)}?tag=${tag}`}>
              {tag}
            </Link>
          ))}
        </p>
      ) : null}
      {p.can.edit ? (
        <p className="button-row">
          <Link className="button secondary" to={`${base(community)}/${p.slug}/edit`}>
            {t("announcements.post.edit")}
          </Link>
          {p.can.publish ? (
            <button type="button" className="button primary" onClick={() => void act("publish")}>
              {t("announcements.post.publishNow")}
            </button>
          ) : null}
          {p.can.unpublish ? (
            <button type="button" className="button secondary" onClick={() => void act("unpublish")}>
              {t(p.state === "scheduled" ? "announcements.post.unschedule" : "announcements.post.unpublish")}
            </button>
          ) : null}
          {p.can.delete ? (
            <button
              type="button"
              className="button danger-outline"
              onClick={async () => {
                if (!window.confirm(t("announcements.post.confirmDelete"))) return;
                await del(`${base(community)}/${p.slug}`);
                navigate(base(community), { state: { flash: t("announcements.post.deleted") } });
              }}
            >
              {t("announcements.post.delete")}
            </button>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

const EDIT_FIELDS = ["title", "body", "summary", "tags", "eventSlug", "coverImageUrl", "coverImageAlt", "notifySubscribers", "publishAt"] as const;

/** Writing a new announcement or editing one; publishing now, or at a time, from the same form. */
export function EditAnnouncementPage() {
  const { t } = useI18n();
  const { community = "", post: slug } = useParams();
  const navigate = useNavigate();
  const [state] = useLoad(async (signal) => (slug ? get<PostView>(`${base(community)}/${slug}`, signal) : null), [community, slug]);
  useTitle(t(slug ? "announcements.edit.title" : "announcements.edit.newTitle"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return <Editor community={community} existing={state.data} onSaved={(p) => navigate(`${base(community)}/${p.slug}`, { state: { flash: t(p.state === "published" ? "announcements.post.published" : p.state === "scheduled" ? "announcements.edit.scheduled" : "announcements.edit.savedDraft") } })} />;
}

function Editor({ community, existing, onSaved }: { community: string; existing: PostView | null; onSaved: (p: PostView) => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({
    title: existing?.title ?? "",
    body: existing?.body ?? "",
    summary: "",
    tags: existing?.tags.join(", ") ?? "",
    eventSlug: existing?.event?.slug ?? "",
    coverImageUrl: existing?.coverImageUrl ?? "",
    coverImageAlt: existing?.coverImageAlt ?? "",
    notifySubscribers: existing?.notifySubscribers ?? false,
    publishAt: existing?.state === "scheduled" && existing.publishAt ? instantToLocalInput(existing.publishAt, Intl.DateTimeFormat().resolvedOptions().timeZone) : "",
  });
  const { busy, errors, run } = useSubmit(EDIT_FIELDS);
  const save = (then: "draft" | "publish") =>
    run(async () => {
      const fields = {
        title: v.title,
        body: v.body,
        tags: v.tags
          .split(",")
          .map((x) => x.trim().toLowerCase())
          .filter(Boolean),
        eventSlug: v.eventSlug.trim() || null,
        coverImageUrl: v.coverImageUrl.trim() || null,
        coverImageAlt: v.coverImageAlt,
        notifySubscribers: v.notifySubscribers,
        // Sent even when empty: clearing it goes back to the first paragraph.
        summary: v.summary,
      };
      let saved = existing ? await patch<PostView>(`${base(community)}/${existing.slug}`, check(updatePostBody, fields)) : await post<PostView>(base(community), check(createPostBody, fields));
      if (then === "publish") {
        const at = v.publishAt ? localInputToInstant(v.publishAt, Intl.DateTimeFormat().resolvedOptions().timeZone) : null;
        saved = await post<PostView>(`${base(community)}/${saved.slug}/publish`, { at });
      }
      onSaved(saved);
    });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save("publish");
  };
  const f = (k: "title" | "body" | "summary" | "tags" | "eventSlug" | "coverImageUrl" | "coverImageAlt" | "publishAt") => ({ value: v[k], onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }) });
  return (
    <div className="wrap narrow">
      <h1>{t(existing ? "announcements.edit.title" : "announcements.edit.newTitle")}</h1>
      <ErrorSummary
        form="post"
        errors={errors}
        labels={{
          title: t("announcements.edit.postTitle"),
          body: t("announcements.edit.body"),
          summary: t("announcements.edit.summary"),
          tags: t("announcements.list.tags"),
          eventSlug: t("announcements.edit.event"),
          coverImageUrl: t("announcements.edit.cover"),
          coverImageAlt: t("announcements.edit.coverAltShort"),
          publishAt: t("announcements.edit.publishAtShort"),
        }}
      />
      <form className="card form-card" onSubmit={onSubmit} noValidate>
        <TextField form="post" name="title" label={t("announcements.edit.postTitle")} required maxLength={LIMITS.titleMax} {...f("title")} error={errors.fields.title} />
        <TextArea form="post" name="body" label={t("announcements.edit.body")} hint={t("announcements.edit.bodyHint")} rows={14} maxLength={LIMITS.bodyMax} {...f("body")} error={errors.fields.body} />
        <TextArea form="post" name="summary" label={t("announcements.edit.summary")} hint={t("announcements.edit.summaryHint")} rows={2} maxLength={LIMITS.summaryMax} {...f("summary")} error={errors.fields.summary} />
        <TextField form="post" name="tags" label={t("announcements.list.tags")} hint={t("announcements.edit.tagsHint")} {...f("tags")} error={errors.fields.tags} />
        <TextField form="post" name="eventSlug" label={t("announcements.edit.eventLabel")} hint={t("announcements.edit.eventHint")} {...f("eventSlug")} error={errors.fields.eventSlug} />
        <TextField form="post" name="coverImageUrl" label={t("announcements.edit.coverLabel")} type="url" maxLength={LIMITS.urlMax} {...f("coverImageUrl")} error={errors.fields.coverImageUrl} />
        <TextField form="post" name="coverImageAlt" label={t("announcements.edit.coverAlt")} maxLength={LIMITS.altMax} {...f("coverImageAlt")} error={errors.fields.coverImageAlt} />
        <CheckboxField form="post" name="notifySubscribers" label={t("announcements.edit.notify")} checked={v.notifySubscribers} onChange={(e) => setV({ ...v, notifySubscribers: e.target.checked })} />
        <TextField form="post" name="publishAt" label={t("announcements.edit.publishAt")} hint={t("announcements.edit.publishAtHint")} type="datetime-local" {...f("publishAt")} error={errors.fields.publishAt} />
        <p className="button-row">
          <SubmitButton busy={busy}>{t(v.publishAt ? "announcements.edit.schedule" : "announcements.edit.publish")}</SubmitButton>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void save("draft")}>
            {t("announcements.edit.saveDraft")}
          </button>
        </p>
      </form>
    </div>
  );
}

export function DraftsPage() {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const [state] = useLoad((signal) => get<{ posts: PostView[] }>(`/communities/${community}/announcement-drafts`, signal), [community]);
  useTitle(state.status === "error" ? null : t("announcements.drafts.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return (
    <div className="wrap narrow">
      <h1>{t("announcements.drafts.title")}</h1>
      {state.data.posts.length === 0 ? <p className="empty">{t("announcements.drafts.empty")}</p> : null}
      <ul className="plain-list">
        {state.data.posts.map((p) => (
          <li key={p.id}>
            <Link to={`${base(community)}/${p.slug}`}>{p.title}</Link> <span className="badge">{p.state === "scheduled" ? t("announcements.drafts.scheduledFor", { when: formatStamp(p.publishAt!) }) : t("common.draft")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The announcements about one event, on its page. */
export function EventAnnouncements({ community, event }: { community: string; event: string }) {
  const { t } = useI18n();
  const [state] = useLoad((signal) => get<PostList>(`${base(community)}${query({ event })}`, signal).catch(() => null), [community, event]);
  if (state.status !== "ok" || !state.data || state.data.posts.length === 0) return null;
  return (
    <section aria-labelledby="event-news" className="prose-section">
      <h2 id="event-news">{t("announcements.title")}</h2>
      <ul className="plain-list">
        {state.data.posts.map((p) => (
          <li key={p.id}>
            <Link to={`${base(community)}/${p.slug}`}>{p.title}</Link> <span className="muted small">{dateOf(p.publishAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The pages the mail links open: confirm a subscription, or stop one. */
export function SubscriptionPage({ action }: { action: "confirm" | "unsubscribe" }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [done, setDone] = useState<{ community: { slug: string; name: string }; state: string } | null>(null);
  const { busy, errors, run } = useSubmit([]);
  const title = t(action === "confirm" ? "announcements.subscription.confirmTitle" : "announcements.subscription.unsubscribeTitle");
  useTitle(title);
  const go = () => run(async () => setDone(await post(action === "confirm" ? "/subscriptions/confirm" : `/subscriptions/unsubscribe${query({ token })}`, action === "confirm" ? { token } : {})));
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{title}</h1>
        <ErrorSummary form="subscription" errors={errors} labels={{}} />
        {done ? (
          <p role="status">
            <T id={done.state === "confirmed" ? "announcements.subscription.confirmed" : "announcements.subscription.stopped"} values={{ community: done.community.name, link: (c) => <Link to={`/communities/${done.community.slug}/announcements`}>{c}</Link> }} />
          </p>
        ) : (
          <button type="button" className="button primary" disabled={busy || !token} onClick={() => void go()}>
            {t(action === "confirm" ? "announcements.subscription.confirmButton" : "announcements.subscription.stopButton")}
          </button>
        )}
      </div>
    </div>
  );
}
