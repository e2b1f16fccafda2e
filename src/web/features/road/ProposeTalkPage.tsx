import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { EventSummary } from "../../../server/features/events/schema.js";
import { LIMITS, proposeTalkBody, type TalkView } from "../../../server/features/road/schema.js";
import { ApiError, get, post, query } from "../../app/api.js";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Loading, PageError } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { PlaceSearch } from "./PlaceSearch.js";

const FIELDS = ["eventSlug", "title", "abstract", "startsLocal", "endsLocal", "room", "speakers", "topics", "sessionUrl", "name", "website", "venue", "city", "country", "latitude", "longitude", "timeZone", "startDate", "endDate"] as const;
const LABELS = { eventSlug: "Conference", name: "Conference name", website: "Conference website", city: "City", timeZone: "Time zone", startDate: "First day", endDate: "Last day", latitude: "Latitude", longitude: "Longitude", title: "Title", startsLocal: "Starts", endsLocal: "Ends", speakers: "Speakers", topics: "Topics", sessionUrl: "Session page", abstract: "Abstract", room: "Room" };
const NEW = "__new__";
const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

type Speaker = { name: string; affiliation: string; me: boolean };

export function ProposeTalkPage() {
  const { community = "" } = useParams();
  const { user, loading } = useSession();
  const navigate = useNavigate();
  const [events] = useLoad((signal) => get<{ events: EventSummary[] }>(`/events${query({ community, kind: "external", limit: 200 })}`, signal), [community]);
  const [eventSlug, setEventSlug] = useState("");
  const [ev, setEv] = useState({ name: "", website: "", venue: "", city: "", country: "", latitude: "", longitude: "", timeZone: "", startDate: "", endDate: "" });
  const [talk, setTalk] = useState({ title: "", abstract: "", startsLocal: "", endsLocal: "", room: "", topics: "", sessionUrl: "" });
  const [speakers, setSpeakers] = useState<Speaker[]>([{ name: user?.name ?? "", affiliation: "", me: true }]);
  const { busy, errors, run } = useSubmit(FIELDS);
  useTitle("Propose a talk");
  if (loading) return <Loading />;
  if (!user) return <PageError error={new ApiError(401, "unauthenticated", "Sign in to propose a talk.")} />;
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
      navigate(`/communities/${community}/road/talks/${created.id}`, { state: { flash: "Thank you: an organiser will look at your proposal." } });
    });
  };
  const te = (k: keyof typeof talk) => ({ value: talk[k], onChange: (e: { target: { value: string } }) => setTalk({ ...talk, [k]: e.target.value }) });
  const ee = (k: keyof typeof ev) => ({ value: ev[k], onChange: (e: { target: { value: string } }) => setEv({ ...ev, [k]: e.target.value }) });
  return (
    <div className="wrap narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}/road`}>Talks on the road</Link>
          </li>
          <li aria-current="page">Propose a talk</li>
        </ol>
      </nav>
      <h1>Propose a talk you will give</h1>
      <p className="lede">A talk at another conference. A community organiser approves it onto the calendar; you hear by mail.</p>
      <ErrorSummary form="propose" errors={errors} labels={LABELS} />
      <form onSubmit={onSubmit} noValidate className="card form-card">
        <SelectField
          form="propose"
          name="eventSlug"
          label="Conference"
          value={eventSlug}
          onChange={(e) => setEventSlug(e.target.value)}
          error={errors.fields.eventSlug}
          options={[{ value: "", label: "Choose…" }, ...events.data.events.map((x) => ({ value: x.slug, label: `${x.name} (${x.city}, ${x.startDate})` })), { value: NEW, label: "A conference not listed yet…" }]}
        />
        {isNew ? (
          <fieldset className="nested">
            <legend>The conference</legend>
            <TextField form="propose" name="name" label="Name" required {...ee("name")} error={errors.fields.name} />
            <TextField form="propose" name="website" label="Website" type="url" {...ee("website")} error={errors.fields.website} />
            <TextField form="propose" name="venue" label="Venue" {...ee("venue")} />
            <PlaceSearch label="City" initial={ev.city} hint="Choosing a city fills in its country and coordinates." onPick={(p) => setEv({ ...ev, city: p.region ? `${p.name}, ${p.region}` : p.name, country: p.country, latitude: String(p.latitude), longitude: String(p.longitude) })} />
            {errors.fields.city ? <p className="field-error">{errors.fields.city}</p> : null}
            <TextField form="propose" name="country" label="Country" {...ee("country")} error={errors.fields.country} />
            <div className="field-row">
              <TextField form="propose" name="latitude" label="Latitude" inputMode="decimal" {...ee("latitude")} error={errors.fields.latitude} />
              <TextField form="propose" name="longitude" label="Longitude" inputMode="decimal" {...ee("longitude")} error={errors.fields.longitude} />
            </div>
            <SelectField form="propose" name="timeZone" label="Time zone of the venue" {...ee("timeZone")} error={errors.fields.timeZone} options={[{ value: "", label: "Choose…" }, ...zones.map((z) => ({ value: z, label: z }))]} />
            <div className="field-row">
              <TextField form="propose" name="startDate" label="First day" type="date" {...ee("startDate")} error={errors.fields.startDate} />
              <TextField form="propose" name="endDate" label="Last day" type="date" {...ee("endDate")} error={errors.fields.endDate} />
            </div>
          </fieldset>
        ) : null}
        <TextField form="propose" name="title" label="Title" required maxLength={LIMITS.titleMax} {...te("title")} error={errors.fields.title} />
        <div className="field-row">
          <TextField form="propose" name="startsLocal" label="Starts (venue time)" type="datetime-local" required {...te("startsLocal")} error={errors.fields.startsLocal} />
          <TextField form="propose" name="endsLocal" label="Ends (venue time)" type="datetime-local" {...te("endsLocal")} error={errors.fields.endsLocal} />
        </div>
        <TextField form="propose" name="room" label="Room" {...te("room")} />
        <fieldset className="nested">
          <legend>Speakers</legend>
          {errors.fields.speakers ? <p className="field-error">{errors.fields.speakers}</p> : null}
          {speakers.map((s, i) => (
            <div key={i} className="field-row speaker-row">
              <TextField form="propose" name={`speaker-${i}-name`} label={`Speaker ${i + 1}`} value={s.name} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <TextField form="propose" name={`speaker-${i}-affiliation`} label="Affiliation" value={s.affiliation} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, affiliation: e.target.value } : x)))} />
              <label className="inline-check">
                <input type="checkbox" checked={s.me} onChange={(e) => setSpeakers(speakers.map((x, j) => (j === i ? { ...x, me: e.target.checked } : { ...x, me: e.target.checked ? false : x.me })))} /> This is me
              </label>
            </div>
          ))}
          {speakers.length < LIMITS.speakersMax ? (
            <button type="button" className="button small secondary" onClick={() => setSpeakers([...speakers, { name: "", affiliation: "", me: false }])}>
              Add a speaker
            </button>
          ) : null}
        </fieldset>
        <TextField form="propose" name="topics" label="Topics" hint="Separated by commas, e.g. automotive, security." {...te("topics")} error={errors.fields.topics} />
        <TextField form="propose" name="sessionUrl" label="Session page at the conference" type="url" {...te("sessionUrl")} error={errors.fields.sessionUrl} />
        <TextArea form="propose" name="abstract" label="Abstract" rows={5} maxLength={LIMITS.abstractMax} {...te("abstract")} error={errors.fields.abstract} />
        <SubmitButton busy={busy} busyLabel="Sending…">
          Propose the talk
        </SubmitButton>
      </form>
    </div>
  );
}
