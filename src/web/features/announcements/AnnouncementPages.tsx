import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { monthLabel } from "../../../server/features/announcements/rules.js";
import { createPostBody, LIMITS, subscribeBody, updatePostBody, type PostList, type PostView } from "../../../server/features/announcements/schema.js";
import { del, get, patch, post, query } from "../../app/api.js";
import { instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { CheckboxField, ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError } from "../../app/layout.js";

const dateOf = (iso: string | null) => (iso ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso)) : "");
const base = (c: string) => `/communities/${c}/announcements`;

/** The index, a month's archive ("Monthly Archives: March 2014") or a tag's page, ten posts a page. */
export function AnnouncementsPage() {
  const { community = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const month = params.get("month") ?? undefined;
  const tag = params.get("tag") ?? undefined;
  const page = Number(params.get("page") ?? "1") || 1;
  const [state] = useLoad((signal) => get<PostList>(`${base(community)}${query({ month, tag, page: page > 1 ? page : undefined })}`, signal), [community, month, tag, page]);
  useTitle(state.status === "ok" ? state.data.heading : state.status === "error" ? null : "Announcements");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="These announcements" />;
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
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>Community</Link>
          </li>
          {month || tag ? (
            <li>
              <Link to={base(community)}>Announcements</Link>
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
                Write an announcement
              </Link>
              <Link className="button secondary" to={`/communities/${community}/announcement-drafts`}>
                Drafts and scheduled
              </Link>
            </p>
          ) : null}
          {l.posts.length === 0 ? <p className="empty">No announcements{month ? " that month" : tag ? " with this tag" : " yet"}.</p> : null}
          {l.posts.map((p) => (
            <article key={p.id} className="post-summary" aria-labelledby={`post-${p.id}`}>
              <h2 id={`post-${p.id}`}>
                <Link to={`${base(community)}/${p.slug}`}>{p.title}</Link>
              </h2>
              <p className="muted small">
                <time dateTime={p.publishAt ?? undefined}>{dateOf(p.publishAt)}</time>
                {p.authorName ? ` · ${p.authorName}` : ""}
                {p.tags.length ? " · " : ""}
                {p.tags.map((t, i) => (
                  <span key={t}>
                    {i ? ", " : ""}
                    <Link to={`${base(community)}?tag=${t}`}>{t}</Link>
                  </span>
                ))}
              </p>
              <p>{p.excerpt}</p>
            </article>
          ))}
          {l.pages > 1 ? (
            <nav aria-label="Pages" className="pager">
              <button type="button" className="button small secondary" disabled={page <= 1} onClick={() => go(page - 1)}>
                Newer
              </button>
              <span>
                Page {l.page} of {l.pages}
              </span>
              <button type="button" className="button small secondary" disabled={page >= l.pages} onClick={() => go(page + 1)}>
                Older
              </button>
            </nav>
          ) : null}
        </div>
        <aside className="announcements-aside">
          <section className="card" aria-labelledby="archives-title">
            <h2 id="archives-title">Archives</h2>
            <ul className="plain-list">
              {l.archives.map((a) => (
                <li key={a.value}>
                  <Link to={`${base(community)}?month=${a.value}`} aria-current={a.value === month ? "page" : undefined}>
                    {monthLabel(a.value)}
                  </Link>{" "}
                  <span className="muted">({a.count})</span>
                </li>
              ))}
            </ul>
          </section>
          {l.tags.length ? (
            <section className="card" aria-labelledby="tags-title">
              <h2 id="tags-title">Tags</h2>
              <p className="tag-cloud">
                {l.tags.map((t) => (
                  <Link key={t.value} className="badge" to={`${base(community)}?tag=${t.value}`}>
                    {t.value} ({t.count})
                  </Link>
                ))}
              </p>
            </section>
          ) : null}
          <section className="card" aria-labelledby="follow-title">
            <h2 id="follow-title">Follow</h2>
            <p>
              <a href={l.feed} type="application/atom+xml">
                Atom feed{tag ? ` of “${tag}”` : ""}
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
  const [email, setEmail] = useState("");
  const [done, setDone] = useState("");
  const { busy, errors, run } = useSubmit(["email"]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await post(`/communities/${community}/subscriptions`, check(subscribeBody, { email: email.trim() }));
      setDone(`We have sent a confirmation link to ${email.trim()}. Nothing more is sent until you open it.`);
      setEmail("");
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Status>{done}</Status>
      <ErrorSummary form="subscribe" errors={errors} labels={{ email: "Email address" }} />
      <TextField form="subscribe" name="email" type="email" label="Get announcements by mail" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} />
      <SubmitButton busy={busy} className="button secondary small">
        Subscribe
      </SubmitButton>
    </form>
  );
}

export function AnnouncementPage() {
  const { community = "", post: slug = "" } = useParams();
  const navigate = useNavigate();
  const [state, , setPost] = useLoad((signal) => get<PostView>(`${base(community)}/${slug}`, signal), [community, slug]);
  const [message, setMessage] = useState("");
  useTitle(state.status === "ok" ? state.data.title : state.status === "error" ? null : "Announcement");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="This announcement" />;
  const p = state.data;
  const act = async (what: "publish" | "unpublish") => {
    setPost(await post<PostView>(`${base(community)}/${p.slug}/${what}`, what === "publish" ? { at: null } : {}));
    setMessage(what === "publish" ? "Published." : "Back to a draft.");
  };
  return (
    <article className="wrap narrow post">
      <Flash />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={base(community)}>Announcements</Link>
          </li>
          {p.publishAt && p.state === "published" ? (
            <li>
              <Link to={`${base(community)}?month=${p.publishAt.slice(0, 7)}`}>{monthLabel(p.publishAt.slice(0, 7))}</Link>
            </li>
          ) : null}
          <li aria-current="page">{p.title}</li>
        </ol>
      </nav>
      <Status>{message}</Status>
      {p.state !== "published" ? <p className="badge badge-warn">{p.state === "scheduled" ? `Scheduled for ${new Date(p.publishAt!).toLocaleString("en-GB")}` : "Draft — not published"}</p> : null}
      <h1>{p.title}</h1>
      <p className="muted">
        {dateOf(p.publishAt)}
        {p.authorName ? ` · ${p.authorName}` : ""}
        {p.event ? (
          <>
            {" · "}
            <Link to={`/communities/${community}/events/${p.event.slug}`}>{p.event.name}</Link>
          </>
        ) : null}
        {p.talk ? (
          <>
            {" · "}
            <Link to={`/communities/${community}/road/talks/${p.talk.id}`}>{p.talk.title}</Link>
          </>
        ) : null}
      </p>
      {p.coverImageUrl ? <img className="cover" src={p.coverImageUrl} alt={p.coverImageAlt} /> : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
      {p.tags.length ? (
        <p>
          {p.tags.map((t) => (
            <Link key={t} className="badge" to={`${base(community)}?tag=${t}`}>
              {t}
            </Link>
          ))}
        </p>
      ) : null}
      {p.can.edit ? (
        <p className="button-row">
          <Link className="button secondary" to={`${base(community)}/${p.slug}/edit`}>
            Edit
          </Link>
          {p.can.publish ? (
            <button type="button" className="button primary" onClick={() => void act("publish")}>
              Publish now
            </button>
          ) : null}
          {p.can.unpublish ? (
            <button type="button" className="button secondary" onClick={() => void act("unpublish")}>
              {p.state === "scheduled" ? "Unschedule" : "Unpublish"}
            </button>
          ) : null}
          {p.can.delete ? (
            <button
              type="button"
              className="button danger-outline"
              onClick={async () => {
                if (!window.confirm("Delete this announcement?")) return;
                await del(`${base(community)}/${p.slug}`);
                navigate(base(community), { state: { flash: "Deleted." } });
              }}
            >
              Delete
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
  const { community = "", post: slug } = useParams();
  const navigate = useNavigate();
  const [state] = useLoad(async (signal) => (slug ? get<PostView>(`${base(community)}/${slug}`, signal) : null), [community, slug]);
  useTitle(slug ? "Edit announcement" : "Write an announcement");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return <Editor community={community} existing={state.data} onSaved={(p) => navigate(`${base(community)}/${p.slug}`, { state: { flash: p.state === "published" ? "Published." : p.state === "scheduled" ? "Scheduled." : "Saved as a draft." } })} />;
}

function Editor({ community, existing, onSaved }: { community: string; existing: PostView | null; onSaved: (p: PostView) => void }) {
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
          .map((t) => t.trim().toLowerCase())
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
      <h1>{existing ? "Edit announcement" : "Write an announcement"}</h1>
      <ErrorSummary form="post" errors={errors} labels={{ title: "Title", body: "Text", summary: "Summary", tags: "Tags", eventSlug: "Event", coverImageUrl: "Cover image", coverImageAlt: "Cover description", publishAt: "Publish at" }} />
      <form className="card form-card" onSubmit={onSubmit} noValidate>
        <TextField form="post" name="title" label="Title" required maxLength={LIMITS.titleMax} {...f("title")} error={errors.fields.title} />
        <TextArea form="post" name="body" label="Text" hint="Markdown. Scripts and event handlers are removed." rows={14} maxLength={LIMITS.bodyMax} {...f("body")} error={errors.fields.body} />
        <TextArea form="post" name="summary" label="Summary" hint="For lists and feeds; the first paragraph when left empty." rows={2} maxLength={LIMITS.summaryMax} {...f("summary")} error={errors.fields.summary} />
        <TextField form="post" name="tags" label="Tags" hint="Separated by commas: lowercase words joined by hyphens, e.g. xen-4-4." {...f("tags")} error={errors.fields.tags} />
        <TextField form="post" name="eventSlug" label="About an event (its address, optional)" hint="e.g. hackathon-2014" {...f("eventSlug")} error={errors.fields.eventSlug} />
        <TextField form="post" name="coverImageUrl" label="Cover image (link, optional)" type="url" {...f("coverImageUrl")} error={errors.fields.coverImageUrl} />
        <TextField form="post" name="coverImageAlt" label="Cover image description" {...f("coverImageAlt")} error={errors.fields.coverImageAlt} />
        <CheckboxField form="post" name="notifySubscribers" label="Mail it to the community's subscribers when it is first published" checked={v.notifySubscribers} onChange={(e) => setV({ ...v, notifySubscribers: e.target.checked })} />
        <TextField form="post" name="publishAt" label="Publish at (optional)" hint="Your local time; leave empty to publish now." type="datetime-local" {...f("publishAt")} error={errors.fields.publishAt} />
        <p className="button-row">
          <SubmitButton busy={busy}>{v.publishAt ? "Schedule" : "Publish"}</SubmitButton>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void save("draft")}>
            Save as draft
          </button>
        </p>
      </form>
    </div>
  );
}

export function DraftsPage() {
  const { community = "" } = useParams();
  const [state] = useLoad((signal) => get<{ posts: PostView[] }>(`/communities/${community}/announcement-drafts`, signal), [community]);
  useTitle(state.status === "error" ? null : "Drafts and scheduled announcements");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return (
    <div className="wrap narrow">
      <h1>Drafts and scheduled announcements</h1>
      {state.data.posts.length === 0 ? <p className="empty">Nothing waiting.</p> : null}
      <ul className="plain-list">
        {state.data.posts.map((p) => (
          <li key={p.id}>
            <Link to={`${base(community)}/${p.slug}`}>{p.title}</Link> <span className="badge">{p.state === "scheduled" ? `scheduled for ${new Date(p.publishAt!).toLocaleString("en-GB")}` : "draft"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The announcements about one event, on its page. */
export function EventAnnouncements({ community, event }: { community: string; event: string }) {
  const [state] = useLoad((signal) => get<PostList>(`${base(community)}${query({ event })}`, signal).catch(() => null), [community, event]);
  if (state.status !== "ok" || !state.data || state.data.posts.length === 0) return null;
  return (
    <section aria-labelledby="event-news" className="prose-section">
      <h2 id="event-news">Announcements</h2>
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
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [done, setDone] = useState<{ community: { slug: string; name: string }; state: string } | null>(null);
  const { busy, errors, run } = useSubmit([]);
  useTitle(action === "confirm" ? "Confirm your subscription" : "Unsubscribe");
  const go = () => run(async () => setDone(await post(action === "confirm" ? "/subscriptions/confirm" : `/subscriptions/unsubscribe${query({ token })}`, action === "confirm" ? { token } : {})));
  return (
    <div className="wrap narrow">
      <div className="card form-card">
        <h1>{action === "confirm" ? "Confirm your subscription" : "Unsubscribe"}</h1>
        <ErrorSummary form="subscription" errors={errors} labels={{}} />
        {done ? (
          <p role="status">
            {done.state === "confirmed" ? `You will get the announcements of ${done.community.name} by mail.` : `You will get no more announcements of ${done.community.name}.`}{" "}
            <Link to={`/communities/${done.community.slug}/announcements`}>See the announcements</Link>
          </p>
        ) : (
          <button type="button" className="button primary" disabled={busy || !token} onClick={() => void go()}>
            {action === "confirm" ? "Yes, send me the announcements" : "Stop sending me announcements"}
          </button>
        )}
      </div>
    </div>
  );
}
