import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { recordingsBody, type TalkView } from "../../../server/features/road/schema.js";
import { get, post, api } from "../../app/api.js";
import { formatLongDate, formatTime } from "../../app/dates.js";
import { ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Loading, PageError } from "../../app/layout.js";
import { speakerLine } from "./RoadPage.js";

const STATE_LABEL: Record<TalkView["state"], string> = { proposed: "Proposed — waiting for an organiser", approved: "On the calendar", rejected: "Not accepted", withdrawn: "Withdrawn" };

export function TalkPage() {
  const { community = "", talk = "" } = useParams();
  const [state, , setTalk] = useLoad((signal) => get<TalkView>(`/communities/${community}/road/talks/${talk}`, signal), [community, talk]);
  useTitle(state.status === "ok" ? state.data.title : state.status === "error" ? null : "Talk");
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="This talk" />;
  const t = state.data;
  const e = t.event;
  return (
    <div className="wrap narrow talk-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>Talks on the road</Link>
          </li>
          <li aria-current="page">{t.title}</li>
        </ol>
      </nav>
      <div className="page-header">
        <p className="eyebrow">{t.state === "approved" ? "Talk on the road" : STATE_LABEL[t.state]}</p>
        <h1>{t.title}</h1>
        <p className="lede">{speakerLine(t)}</p>
      </div>
      <dl className="facts card">
        <div>
          <dt>When</dt>
          <dd>
            {formatLongDate(t.startsLocal.slice(0, 10))}, {formatTime(t.startsAt, e.timeZone)}
            {t.endsAt ? `–${formatTime(t.endsAt, e.timeZone)}` : ""} <span className="muted small">({e.timeZone})</span>
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {e.slug ? <Link to={`/communities/${community}/events/${e.slug}`}>{e.name}</Link> : e.name}
            {t.room ? `, ${t.room}` : ""}
            <span className="venue-line">{[e.venue, e.city, e.country].filter(Boolean).join(", ")}</span>
          </dd>
        </div>
        {t.topics.length ? (
          <div>
            <dt>Topics</dt>
            <dd>
              {t.topics.map((x) => (
                <Link key={x} className="badge" to={`/communities/${community}/road?when=all&topic=${encodeURIComponent(x)}`}>
                  {x}
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
        {t.sessionUrl || t.slidesUrl || t.videoUrl || e.website ? (
          <div>
            <dt>Links</dt>
            <dd className="link-list">
              {t.sessionUrl ? <a href={t.sessionUrl}>Session page</a> : null}
              {t.slidesUrl ? <a href={t.slidesUrl}>Slides</a> : null}
              {t.videoUrl ? <a href={t.videoUrl}>Video</a> : null}
              {e.website ? <a href={e.website}>Conference website</a> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {t.abstract ? <p className="talk-abstract">{t.abstract}</p> : null}
      {t.decisionNote ? <Status tone="info">Organisers’ note: {t.decisionNote}</Status> : null}
      {t.can.decide ? <Decide t={t} onDone={setTalk} /> : null}
      {t.can.addRecordings ? <Recordings t={t} onDone={setTalk} /> : null}
      {t.can.withdraw ? (
        <p>
          <button
            type="button"
            className="button danger-outline small"
            onClick={async () => {
              if (!window.confirm(t.state === "approved" ? "Take this talk off the calendar?" : "Withdraw this proposal?")) return;
              setTalk(await post<TalkView>(`/communities/${community}/road/talks/${t.id}/withdraw`));
            }}
          >
            {t.state === "approved" ? "The talk will not happen" : "Withdraw the proposal"}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function Decide({ t, onDone }: { t: TalkView; onDone: (t: TalkView) => void }) {
  const [note, setNote] = useState("");
  const { busy, errors, run } = useSubmit(["note"]);
  const decide = (decision: "approve" | "reject") => run(async () => onDone(await post<TalkView>(`/communities/${t.communitySlug}/road/talks/${t.id}/decision`, { decision, note })));
  return (
    <section className="card" aria-labelledby="decide-title">
      <h2 id="decide-title">Decide</h2>
      <p className="muted small">{t.event.slug ? "Approving puts the talk on the calendar." : `Approving also adds ${t.event.name} (${t.event.city}, ${t.event.startDate}) to the calendar.`}</p>
      <ErrorSummary form="decide" errors={errors} labels={{ note: "Note" }} />
      <TextArea form="decide" name="note" label="Note to the proposer (optional)" value={note} onChange={(e) => setNote(e.target.value)} rows={3} error={errors.fields.note} />
      <p className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide("approve")}>
          Approve
        </button>
        <button type="button" className="button danger-outline" disabled={busy} onClick={() => void decide("reject")}>
          Turn down
        </button>
      </p>
    </section>
  );
}

const REC_FIELDS = ["slidesUrl", "videoUrl"] as const;

function Recordings({ t, onDone }: { t: TalkView; onDone: (t: TalkView) => void }) {
  const [slides, setSlides] = useState(t.slidesUrl ?? "");
  const [video, setVideo] = useState(t.videoUrl ?? "");
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(REC_FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    void run(async () => {
      const body = check(recordingsBody, { slidesUrl: slides.trim() || null, videoUrl: video.trim() || null });
      onDone(await api<TalkView>("PUT", `/communities/${t.communitySlug}/road/talks/${t.id}/recordings`, body));
      setSaved("Links saved.");
    });
  };
  return (
    <section className="card" aria-labelledby="rec-title">
      <h2 id="rec-title">Slides and video</h2>
      <Status>{saved}</Status>
      <ErrorSummary form="rec" errors={errors} labels={{ slidesUrl: "Slides", videoUrl: "Video" }} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form="rec" name="slidesUrl" label="Slides (link)" type="url" value={slides} onChange={(e) => setSlides(e.target.value)} error={errors.fields.slidesUrl} />
        <TextField form="rec" name="videoUrl" label="Video (link)" type="url" value={video} onChange={(e) => setVideo(e.target.value)} error={errors.fields.videoUrl} />
        <SubmitButton busy={busy}>Save links</SubmitButton>
      </form>
    </section>
  );
}

/** Organisers' lists: proposals waiting for a decision, and past talks lacking slides or video. */
export function RoadListPage({ which }: { which: "review" | "wanted" }) {
  const { community = "" } = useParams();
  const [state] = useLoad((signal) => get<{ talks: TalkView[] }>(`/communities/${community}/road/${which === "review" ? "proposals" : "wanted"}`, signal), [community, which]);
  const title = which === "review" ? "Proposed talks" : "Slides and video wanted";
  useTitle(state.status === "error" ? null : title);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return (
    <div className="wrap">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>Talks on the road</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="lede">{which === "review" ? "Talks members will give elsewhere, waiting for a community organiser." : "Talks that have happened but still lack their slides or video: ask the speakers."}</p>
      {state.data.talks.length === 0 ? <p className="empty">{which === "review" ? "No proposals are waiting." : "Every past talk has its slides and video."}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Talk</th>
            <th scope="col">Speakers</th>
            <th scope="col">Where and when</th>
            {which === "wanted" ? <th scope="col">Missing</th> : <th scope="col">Proposed by</th>}
          </tr>
        </thead>
        <tbody>
          {state.data.talks.map((t) => (
            <tr key={t.id}>
              <td>
                <Link to={`/communities/${community}/road/talks/${t.id}`}>{t.title}</Link>
              </td>
              <td>{speakerLine(t)}</td>
              <td>
                {t.event.name}, {t.event.city} · {formatLongDate(t.startsLocal.slice(0, 10))} {formatTime(t.startsAt, t.event.timeZone)}
              </td>
              {which === "wanted" ? <td>{[!t.slidesUrl ? "slides" : "", !t.videoUrl ? "video" : ""].filter(Boolean).join(", ")}</td> : <td>{t.proposedByName ?? "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
