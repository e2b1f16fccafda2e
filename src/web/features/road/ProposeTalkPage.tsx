import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { EventSummary } from "../../../server/features/events/schema.js";
import { LIMITS as EVENT_LIMITS } from "../../../server/features/events/schema.js";
import { LIMITS, proposeTalkBody, type TalkView } from "../../../server/features/road/schema.js";
import { ApiError, get, post, query } from "../../app/api.js";
import { formatDateRange } from "../../app/dates.js";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { PlaceSearch } from "./PlaceSearch.js";

const FIELDS = ["eventSlug", "title", "abstract", "startsLocal", "endsLocal", "room", "speakers", "topics", "sessionUrl", "name", "website", "venue", "city", "country", "latitude", "longitude", "timeZone", "startDate", "endDate"] as const;
const NEW = "__new__";
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

type Speaker = { name: string; affiliation: string; me: boolean };

/** The form's labels in the page's language, in the order of the form (the error summary follows it). */
function useLabels() {
  const { t } = useI18n();
  return {
    eventSlug: t("road.propose.conference"),
    name: t("road.propose.conferenceName"),
    website: t("road.talk.conferenceWebsite"),
    city: t("events.form.city"),
    country: t("events.form.country"),
    latitude: t("events.form.latitude"),
    longitude: t("events.form.longitude"),
    timeZone: t("events.form.timeZone"),
    startDate: t("events.form.startDate"),
    endDate: t("events.form.endDate"),
    title: t("road.propose.talkTitle"),
    startsLocal: t("road.propose.starts"),
    endsLocal: t("road.propose.ends"),
    room: t("road.propose.room"),
    speakers: t("road.list.speakers"),
    topics: t("road.talk.topics"),
    sessionUrl: t("road.talk.sessionPage"),
    abstract: t("road.propose.abstract"),
  };
}

export function ProposeTalkPage() {
  const { t } = useI18n();
  const LABELS = useLabels();
  const { community = "" } = useParams();
  const { user, loading } = useSession();
  const navigate = useNavigate();
  const [events] = useLoad((signal) => get<{ events: EventSummary[] }>(`/events${query({ community, kind: "external", limit: 200 })}`, signal), [community]);
  const [eventSlug, setEventSlug] = useState("");
  const [ev, setEv] = useState({ name: "", website: "", venue: "", city: "", country: "", latitude: "", longitude: "", timeZone: "", startDate: "", endDate: "" });
  const [talk, setTalk] = useState({ title: "", abstract: "", startsLocal: "", endsLocal: "", room: "", topics: "", sessionUrl: "" });
  const [speakers, setSpeakers] = useState<Speaker[]>([{ name: user?.name ?? "", affiliation: "", me: true }]);
  const { busy, errors, run } = useSubmit(FIELDS);
  useTitle(t("road.propose.crumb"));
  if (loading) return <Loading />;
  if (!user) return <PageError error={new ApiError(401, "unauthenticated", t("road.propose.signIn"))} />;
  if (events.status === "loading") return <Loading />;
  if (events.status === "error") return <PageError error={events.error} />;

  const isNew = eventSlug === NEW;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body = check(proposeTalkBody, {
        eventSlug: isNew || !eventSlug ? null : eventSlug,
        newEvent: isNew ? { ...ev, website: ev.website.trim() || null, latitude: ev.latitude === "" ? undefined : Number(ev.latitude), longitude: ev.longitude === "" ? undefined : Number(ev.longitude) } : null,
        title: talk.title,
        abstract: talk.abstract,
        startsLocal: talk.startsLocal,
        endsLocal: talk.endsLocal || null,
        room: talk.room.trim() || null,
        topics: talk.topics
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
        sessionUrl: talk.sessionUrl.trim() || null,
        speakers: speakers.map((s) => ({ name: s.name, affiliation: s.affiliation, accountEmail: s.me ? user.email : null })),
      });
      const created = await post<TalkView>(`/communities/${community}/road/talks`, body);
      navigate(`/communities/${community}/road/talks/${created.id}`, { state: { flash: t("road.propose.thanks") } });
    });
  };
  const te = (k: keyof typeof talk) => ({ value: talk[k], onChange: (e: { target: { value: string } }) => setTalk({ ...talk, [k]: e.target.value }) });
  const ee = (k: keyof typeof ev) => ({ value: ev[k], onChange: (e: { target: { value: string } }) => setEv({ ...ev, [k]: e.target.value }) });
  return (
    <div className="wrap narrow">
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>{t("road.title")}</Link>
          </li>
          <li aria-current="page">{t("road.propose.crumb")}</li>
        </ol>
      </nav>
      <h1>{t("road.propose.title")}</h1>
      <p className="lede">{t("road.propose.lede")}</p>
      <ErrorSummary form="propose" errors={errors} labels={LABELS} />
      <form onSubmit={onSubmit} noValidate className="card form-card">
        <SelectField
          form="propose"
          name="eventSlug"
          label={LABELS.eventSlug}
          value={eventSlug}
          onChange={(e) => setEventSlug(e.target.value)}
          error={errors.fields.eventSlug}
          options={[{ value: "", label: t("road.propose.choose") }, ...events.data.events.map((x) => ({ value: x.slug, label: t("road.propose.eventOption", { name: x.name, city: x.city, date: formatDateRange(x.startDate, x.endDate, { short: true }) }) })), { value: NEW, label: t("road.propose.notListed") }]}
        />
        {isNew ? (
          <fieldset className="nested">
            <legend>{t("road.propose.theConference")}</legend>
            <TextField form="propose" name="name" label={t("events.form.name")} required maxLength={EVENT_LIMITS.nameMax} {...ee("name")} error={errors.fields.name} />
            <TextField form="propose" name="website" label={t("events.form.website")} type="url" maxLength={LIMITS.urlMax} {...ee("website")} error={errors.fields.website} />
            <TextField form="propose" name="venue" label={t("events.form.venue")} maxLength={LIMITS.textMax} {...ee("venue")} />
            <PlaceSearch label={LABELS.city} initial={ev.city} hint={t("road.propose.cityHint")} onPick={(p) => setEv({ ...ev, city: p.region ? `${p.name}, ${p.region}` : p.name, country: p.country, latitude: String(p.latitude), longitude: String(p.longitude) })} />
            {errors.fields.city ? <p className="field-error">{errors.fields.city}</p> : null}
            <TextField form="propose" name="country" label={LABELS.country} maxLength={LIMITS.textMax} {...ee("country")} error={errors.fields.country} />
            <div className="field-row">
              <TextField form="propose" name="latitude" label={LABELS.latitude} inputMode="decimal" {...ee("latitude")} error={errors.fields.latitude} />
              <TextField form="propose" name="longitude" label={LABELS.longitude} inputMode="decimal" {...ee("longitude")} error={errors.fields.longitude} />
            </div>
            <SelectField form="propose" name="timeZone" label={t("road.propose.venueZone")} {...ee("timeZone")} error={errors.fields.timeZone} options={[{ value: "", label: t("road.propose.choose") }, ...zones.map((z) => ({ value: z, label: z }))]} />
            <div className="field-row">
              <TextField form="propose" name="startDate" label={LABELS.startDate} type="date" {...ee("startDate")} error={errors.fields.startDate} />
              <TextField form="propose" name="endDate" label={LABELS.endDate} type="date" {...ee("endDate")} error={errors.fields.endDate} />
            </div>
          </fieldset>
        ) : null}
        <TextField form="propose" name="title" label={LABELS.title} required maxLength={LIMITS.titleMax} {...te("title")} error={errors.fields.title} />
        <div className="field-row">
          <TextField form="propose" name="startsLocal" label={t("road.propose.startsLocal")} type="datetime-local" required {...te("startsLocal")} error={errors.fields.startsLocal} />
          <TextField form="propose" name="endsLocal" label={t("road.propose.endsLocal")} type="datetime-local" {...te("endsLocal")} error={errors.fields.endsLocal} />
        </div>
        <TextField form="propose" name="room" label={LABELS.room} maxLength={LIMITS.textMax} {...te("room")} />
        <fieldset className="nested">
          <legend>{LABELS.speakers}</legend>
          {errors.fields.speakers ? <p className="field-error">{errors.fields.speakers}</p> : null}
          {speakers.map((s, i) => (
            <div key={i} className="field-row speaker-row">
              <TextField form="propose" name={`speaker-${i}-name`} label={t("road.propose.speakerN", { n: i + 1 })} maxLength={LIMITS.speakerNameMax} value={s.name} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <TextField form="propose" name={`speaker-${i}-affiliation`} label={t("road.propose.affiliation")} maxLength={LIMITS.affiliationMax} value={s.affiliation} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, affiliation: e.target.value } : x)))} />
              <label className="inline-check">
                <input type="checkbox" checked={s.me} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, me: e.target.checked } : { ...x, me: e.target.checked ? false : x.me })))} /> {t("road.propose.thisIsMe")}
              </label>
            </div>
          ))}
          {speakers.length < LIMITS.speakersMax ? (
            <button type="button" className="button small secondary" onClick={() => setSpeakers([...speakers, { name: "", affiliation: "", me: false }])}>
              {t("road.propose.addSpeaker")}
            </button>
          ) : null}
        </fieldset>
        <TextField form="propose" name="topics" label={LABELS.topics} hint={t("road.propose.topicsHint")} {...te("topics")} error={errors.fields.topics} />
        <TextField form="propose" name="sessionUrl" label={t("road.propose.sessionUrl")} type="url" maxLength={LIMITS.urlMax} {...te("sessionUrl")} error={errors.fields.sessionUrl} />
        <TextArea form="propose" name="abstract" label={LABELS.abstract} rows={5} maxLength={LIMITS.abstractMax} {...te("abstract")} error={errors.fields.abstract} />
        <SubmitButton busy={busy} busyLabel={t("road.propose.sending")}>
          {t("road.propose.submit")}
        </SubmitButton>
      </form>
    </div>
  );
}
