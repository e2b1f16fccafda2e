import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { decideTalkBody, LIMITS, recordingsBody, type TalkView } from "../../../server/features/road/schema.js";
import { get, post, api } from "../../app/api.js";
import { formatLongDate, formatTime } from "../../app/dates.js";
import { ErrorSummary, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { speakerLine } from "./RoadPage.js";

/** What an empty cell shows: the same in every language. */
const NOBODY = "—";
const STATE_LABEL: Record<TalkView["state"], MessageId> = { proposed: "road.state.proposed", approved: "road.state.approved", rejected: "road.state.rejected", withdrawn: "road.state.withdrawn" };

export function TalkPage() {
  const { t } = useI18n();
  const { community = "", talk: talkId = "" } = useParams();
  const [state, , setTalk] = useLoad((signal) => get<TalkView>(`/communities/${community}/road/talks/${talkId}`, signal), [community, talkId]);
  useTitle(state.status === "ok" ? state.data.title : state.status === "error" ? null : t("road.talk.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("road.talk.what")} />;
  const talk = state.data;
  const e = talk.event;
  const time = talk.endsAt ? t("road.talk.timeRange", { start: formatTime(talk.startsAt, e.timeZone), end: formatTime(talk.endsAt, e.timeZone) }) : formatTime(talk.startsAt, e.timeZone);
  return (
    <div className="wrap narrow talk-page">
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>{t("road.title")}</Link>
          </li>
          <li aria-current="page">{talk.title}</li>
        </ol>
      </nav>
      <div className="page-header">
        <p className="eyebrow">{t(talk.state === "approved" ? "road.talk.eyebrow" : STATE_LABEL[talk.state])}</p>
        <h1>{talk.title}</h1>
        <p className="lede">{speakerLine(talk)}</p>
      </div>
      <dl className="facts card">
        <div>
          <dt>{t("road.talk.when")}</dt>
          <dd>
            {t("road.talk.dayAndTime", { day: formatLongDate(talk.startsLocal.slice(0, 10)), time })} <span className="muted small">{t("road.talk.zone", { zone: e.timeZone })}</span>
          </dd>
        </div>
        <div>
          <dt>{t("road.talk.where")}</dt>
          <dd>
            {e.slug ? <Link to={`/communities/${community}/events/${e.slug}`}>{e.name}</Link> : e.name}
            {talk.room ? t("road.talk.room", { room: talk.room }) : null}
            <span className="venue-line">{[e.venue, e.city, e.country].filter(Boolean).join(", ")}</span>
          </dd>
        </div>
        {talk.topics.length ? (
          <div>
            <dt>{t("road.talk.topics")}</dt>
            <dd>
              {talk.topics.map((x) => (
                <Link key={x} className="badge" to={`/communities/${community}/road?when=all&topic=${encodeURIComponent(x)}`}>
                  {x}
                </Link>
              ))}
            </dd>
          </div>
        ) : null}
        {talk.sessionUrl || talk.slidesUrl || talk.videoUrl || e.website ? (
          <div>
            <dt>{t("road.talk.links")}</dt>
            <dd className="link-list">
              {talk.sessionUrl ? <a href={talk.sessionUrl}>{t("road.talk.sessionPage")}</a> : null}
              {talk.slidesUrl ? <a href={talk.slidesUrl}>{t("road.talk.slides")}</a> : null}
              {talk.videoUrl ? <a href={talk.videoUrl}>{t("road.talk.video")}</a> : null}
              {e.website ? <a href={e.website}>{t("road.talk.conferenceWebsite")}</a> : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {talk.abstract ? <p className="talk-abstract">{talk.abstract}</p> : null}
      {talk.decisionNote ? <Status tone="info">{t("road.talk.note", { note: talk.decisionNote })}</Status> : null}
      {talk.can.decide ? <Decide t={talk} onDone={setTalk} /> : null}
      {talk.can.addRecordings ? <Recordings t={talk} onDone={setTalk} /> : null}
      {talk.can.withdraw ? (
        <p>
          <button
            type="button"
            className="button danger-outline small"
            onClick={async () => {
              if (!window.confirm(t(talk.state === "approved" ? "road.talk.confirmOff" : "road.talk.confirmWithdraw"))) return;
              setTalk(await post<TalkView>(`/communities/${community}/road/talks/${talk.id}/withdraw`));
            }}
          >
            {t(talk.state === "approved" ? "road.talk.offCalendar" : "road.talk.withdraw")}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function Decide({ t: talk, onDone }: { t: TalkView; onDone: (t: TalkView) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const { busy, errors, run } = useSubmit(["note"]);
  const decide = (decision: "approve" | "reject") => run(async () => onDone(await post<TalkView>(`/communities/${talk.communitySlug}/road/talks/${talk.id}/decision`, check(decideTalkBody, { decision, note }))));
  return (
    <section className="card" aria-labelledby="decide-title">
      <h2 id="decide-title">{t("road.decide.title")}</h2>
      <p className="muted small">{talk.event.slug ? t("road.decide.approveHint") : t("road.decide.approveAddsEvent", { event: talk.event.name, city: talk.event.city, date: formatLongDate(talk.event.startDate) })}</p>
      <ErrorSummary form="decide" errors={errors} labels={{ note: t("road.decide.noteShort") }} />
      <TextArea form="decide" name="note" label={t("road.decide.note")} value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={LIMITS.noteMax} error={errors.fields.note} />
      <p className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void decide("approve")}>
          {t("road.decide.approve")}
        </button>
        <button type="button" className="button danger-outline" disabled={busy} onClick={() => void decide("reject")}>
          {t("road.decide.reject")}
        </button>
      </p>
    </section>
  );
}

const REC_FIELDS = ["slidesUrl", "videoUrl"] as const;

function Recordings({ t: talk, onDone }: { t: TalkView; onDone: (t: TalkView) => void }) {
  const { t } = useI18n();
  const [slides, setSlides] = useState(talk.slidesUrl ?? "");
  const [video, setVideo] = useState(talk.videoUrl ?? "");
  const [saved, setSaved] = useState("");
  const { busy, errors, run } = useSubmit(REC_FIELDS);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    void run(async () => {
      const body = check(recordingsBody, { slidesUrl: slides.trim() || null, videoUrl: video.trim() || null });
      onDone(await api<TalkView>("PUT", `/communities/${talk.communitySlug}/road/talks/${talk.id}/recordings`, body));
      setSaved(t("road.recordings.saved"));
    });
  };
  return (
    <section className="card" aria-labelledby="rec-title">
      <h2 id="rec-title">{t("road.recordings.title")}</h2>
      <Status>{saved}</Status>
      <ErrorSummary form="rec" errors={errors} labels={{ slidesUrl: t("road.talk.slides"), videoUrl: t("road.talk.video") }} />
      <form onSubmit={onSubmit} noValidate>
        <TextField form="rec" name="slidesUrl" label={t("road.recordings.slides")} type="url" maxLength={LIMITS.urlMax} value={slides} onChange={(e) => setSlides(e.target.value)} error={errors.fields.slidesUrl} />
        <TextField form="rec" name="videoUrl" label={t("road.recordings.video")} type="url" maxLength={LIMITS.urlMax} value={video} onChange={(e) => setVideo(e.target.value)} error={errors.fields.videoUrl} />
        <SubmitButton busy={busy}>{t("road.recordings.save")}</SubmitButton>
      </form>
    </section>
  );
}

/** Organisers' lists: proposals waiting for a decision, and past talks lacking slides or video. */
export function RoadListPage({ which }: { which: "review" | "wanted" }) {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const [state] = useLoad((signal) => get<{ talks: TalkView[] }>(`/communities/${community}/road/${which === "review" ? "proposals" : "wanted"}`, signal), [community, which]);
  const title = t(which === "review" ? "road.review.title" : "road.wanted.title");
  useTitle(state.status === "error" ? null : title);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} />;
  return (
    <div className="wrap">
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>{t("road.title")}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="lede">{t(which === "review" ? "road.review.lede" : "road.wanted.lede")}</p>
      {state.data.talks.length === 0 ? <p className="empty">{t(which === "review" ? "road.review.empty" : "road.wanted.empty")}</p> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("road.list.talk")}</th>
              <th scope="col">{t("road.list.speakers")}</th>
              <th scope="col">{t("road.list.whereWhen")}</th>
              {which === "wanted" ? <th scope="col">{t("road.wanted.missing")}</th> : <th scope="col">{t("road.review.proposedBy")}</th>}
            </tr>
          </thead>
          <tbody>
            {state.data.talks.map((talk) => (
              <tr key={talk.id}>
                <td>
                  <Link to={`/communities/${community}/road/talks/${talk.id}`}>{talk.title}</Link>
                </td>
                <td>{speakerLine(talk)}</td>
                <td>{t("road.list.whereWhenValue", { event: talk.event.name, city: talk.event.city, day: formatLongDate(talk.startsLocal.slice(0, 10)), time: formatTime(talk.startsAt, talk.event.timeZone) })}</td>
                {which === "wanted" ? <td>{t("road.wanted.which", { slides: talk.slidesUrl ? "no" : "yes", video: talk.videoUrl ? "no" : "yes" })}</td> : <td>{talk.proposedByName ?? NOBODY}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
