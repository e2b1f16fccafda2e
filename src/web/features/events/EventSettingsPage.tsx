import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { createEventBody, EVENT_KINDS, EVENT_ROLES, LIMITS, roleBody, updateEventBody, type EventDetail } from "../../../server/features/events/schema.js";
import { LIMITS as COMMUNITY_LIMITS } from "../../../server/features/communities/schema.js";
import { del, get, patch, post } from "../../app/api.js";
import { ApiError, validationError } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { eventPath } from "./EventCard.js";
import { EventBreadcrumb } from "./EventBreadcrumb.js";
import { EVENT_FIELDS, emptyEventValues, slugify, toEventBody, valuesFromEvent, type EventFormValues } from "./eventForm.js";
import { KIND_LABEL } from "./kinds.js";

const FORM = "event";
const LABELS: Record<(typeof EVENT_FIELDS)[number], string> = {
  kind: "Kind of event",
  slug: "Address",
  name: "Name",
  venue: "Venue",
  city: "City",
  country: "Country",
  latitude: "Latitude",
  longitude: "Longitude",
  timeZone: "Time zone",
  startDate: "First day",
  endDate: "Last day",
  hostOrganisation: "Host organisation",
  description: "Description",
  capacity: "Places",
  website: "Website",
  cfpClosesAt: "Call for participation closes",
  published: "Published",
};

function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function NewEventPage() {
  const { community = "" } = useParams();
  const navigate = useNavigate();
  const { user, loading } = useSession();
  const [comm] = useLoad((signal) => get<{ name: string; slug: string }>(`/communities/${community}`, signal), [community]);
  useTitle(comm.status === "error" || (!loading && !user) ? null : "New event");
  if (loading || comm.status === "loading") return <Loading />;
  if (comm.status === "error") return <PageError error={comm.error} what="This community" />;
  if (!user) return <PageError error={new ApiError(401, "unauthenticated", "Sign in to create events.")} />;
  return (
    <div className="wrap">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>{comm.data.name}</Link>
          </li>
          <li aria-current="page">New event</li>
        </ol>
      </nav>
      <PageHeader title="New event" eyebrow={comm.data.name}>
        <p className="lede">You become the event’s organiser. Everything can be changed later in the event’s settings.</p>
      </PageHeader>
      <EventForm
        initial={emptyEventValues(viewerZone())}
        isNew
        submitLabel="Create event"
        onSave={async (body) => {
          const created = await post<EventDetail>(`/communities/${community}/events`, check(createEventBody, body));
          navigate(eventPath(created), { state: { flash: created.published ? "Your event is created and published." : "Your event is created as a draft: only its team can see it." } });
        }}
      />
    </div>
  );
}

export function EventSettingsPage() {
  const { community = "", event = "" } = useParams();
  const navigate = useNavigate();
  const [state, , setEvent] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? `Settings: ${state.data.name}` : state.status === "error" ? null : "Event settings");
  const [saved, setSaved] = useState("");
  const { hash } = useLocation();
  const ready = state.status === "ok";
  // "People and roles" on the event page links to #people: bring that section into view once it exists.
  useEffect(() => {
    if (!ready || hash !== "#people") return;
    const el = document.getElementById("people");
    el?.scrollIntoView({ block: "start" });
    el?.focus({ preventScroll: true });
  }, [ready, hash]);
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what="This event" />;
  const e = state.data;
  if (!e.can.update && !e.can.manageRoles) return <PageError error={new ApiError(403, "forbidden", "Only the event’s organisers can change its settings.")} />;
  return (
    <div className="wrap">
      <Flash />
      <EventBreadcrumb event={e} current="Settings" />
      <PageHeader title="Event settings" eyebrow={e.name}>
        <p>
          <Link to={eventPath(e)}>View the event page</Link>
        </p>
      </PageHeader>
      <div className="stack settings-stack">
      {e.can.update ? (
        <>
          <EventForm
            status={saved}
            key={e.id}
            initial={valuesFromEvent(e)}
            submitLabel="Save changes"
            onSave={async (body) => {
              setSaved("");
              const updated = await patch<EventDetail>(`/communities/${community}/events/${event}`, check(updateEventBody, body));
              setEvent(updated);
              setSaved("Your changes are saved.");
              if (updated.slug !== event) navigate(`${eventPath(updated)}/settings`, { replace: true, state: { flash: "Your changes are saved. The event has a new address." } });
            }}
          />
        </>
      ) : null}
      {e.can.manageRoles ? <RolesPanel community={community} event={event} /> : null}
      </div>
    </div>
  );
}

function EventForm({ initial, isNew = false, submitLabel, onSave, status = "" }: { initial: EventFormValues; isNew?: boolean; submitLabel: string; onSave: (body: Record<string, unknown>) => Promise<void>; status?: string }) {
  const [values, setValues] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const { busy, errors, run } = useSubmit(EVENT_FIELDS);
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf("timeZone");
    } catch {
      return [];
    }
  }, []);
  const set = <K extends keyof EventFormValues>(k: K, v: EventFormValues[K]) =>
    setValues((cur) => {
      const next = { ...cur, [k]: v };
      if (k === "name" && !slugTouched) next.slug = slugify(String(v));
      return next;
    });
  const text = (k: Exclude<keyof EventFormValues, "published">) => ({
    value: values[k],
    onChange: (ev: { target: { value: string } }) => set(k, ev.target.value),
    error: errors.fields[k],
  });

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(async () => {
      const { body, fields } = toEventBody(values);
      if (Object.keys(fields).length) {
        // Report these together with whatever the schema finds in the other fields.
        const schemaIssues = createEventBody.safeParse(body);
        const more = schemaIssues.success ? {} : validationError(schemaIssues.error.issues).fields;
        // An unreadable coordinate was sent as null, so "give both or neither" would only confuse.
        if (fields.latitude || fields.longitude) delete more.longitude;
        throw new ApiError(400, "validation_failed", "Some fields need attention.", { ...more, ...fields });
      }
      await onSave(body);
    });
  };

  return (
    <form className="card form-wide" onSubmit={onSubmit} noValidate aria-label={isNew ? "New event" : "Event settings"}>
      <ErrorSummary form={FORM} errors={errors} labels={LABELS} />
      <fieldset>
        <legend>The event</legend>
        <SelectField form={FORM} name="kind" label={LABELS.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k].one }))} {...text("kind")} hint={KIND_LABEL[values.kind as keyof typeof KIND_LABEL]?.blurb} />
        <TextField form={FORM} name="name" label={LABELS.name} required maxLength={LIMITS.nameMax} {...text("name")} />
        <TextField
          form={FORM}
          name="slug"
          label={LABELS.slug}
          required
          maxLength={COMMUNITY_LIMITS.slugMax}
          spellCheck={false}
          autoCapitalize="none"
          {...text("slug")}
          onChange={(ev) => {
            setSlugTouched(true);
            set("slug", ev.target.value);
          }}
          hint="Lowercase letters, digits and hyphens; it becomes part of the event’s web address."
        />
        <div className="grid-2">
          <TextField form={FORM} name="startDate" label={LABELS.startDate} type="date" required {...text("startDate")} />
          <TextField form={FORM} name="endDate" label={LABELS.endDate} type="date" required {...text("endDate")} min={values.startDate || undefined} />
        </div>
        <TextArea form={FORM} name="description" label={LABELS.description} rows={8} maxLength={LIMITS.descriptionMax} {...text("description")} hint="Markdown: paragraphs, **bold**, lists and links." />
      </fieldset>
      <fieldset>
        <legend>Place and time zone</legend>
        <TextField form={FORM} name="venue" label={LABELS.venue} maxLength={LIMITS.textMax} {...text("venue")} hint="Name and street address." />
        <div className="grid-2">
          <TextField form={FORM} name="city" label={LABELS.city} maxLength={LIMITS.textMax} autoComplete="off" {...text("city")} />
          <TextField form={FORM} name="country" label={LABELS.country} maxLength={LIMITS.textMax} autoComplete="off" {...text("country")} />
        </div>
        <TextField form={FORM} name="timeZone" label={LABELS.timeZone} required list="time-zones" spellCheck={false} autoComplete="off" {...text("timeZone")} hint="The venue’s IANA zone, e.g. Europe/London. Programme times and the deadline are shown in it." />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid-2">
          <TextField form={FORM} name="latitude" label={LABELS.latitude} inputMode="decimal" {...text("latitude")} hint="Optional, e.g. 51.5019." />
          <TextField form={FORM} name="longitude" label={LABELS.longitude} inputMode="decimal" {...text("longitude")} hint="Optional, e.g. -0.4289." />
        </div>
      </fieldset>
      <fieldset>
        <legend>Details</legend>
        <div className="grid-2">
          <TextField form={FORM} name="hostOrganisation" label={LABELS.hostOrganisation} maxLength={LIMITS.textMax} {...text("hostOrganisation")} hint="Who provides the venue, if anyone." />
          <TextField form={FORM} name="capacity" label={LABELS.capacity} inputMode="numeric" {...text("capacity")} hint="Optional: how many people fit." />
        </div>
        <TextField form={FORM} name="website" label={LABELS.website} type="url" inputMode="url" placeholder="https://" {...text("website")} />
        <TextField form={FORM} name="cfpClosesAt" label={LABELS.cfpClosesAt} type="datetime-local" {...text("cfpClosesAt")} hint={`Local time at the venue (${values.timeZone || "choose a time zone"}). Leave empty if there is no call.`} />
        <CheckboxField
          form={FORM}
          name="published"
          label="Published"
          hint="Published events are listed for everyone; drafts are seen only by the event’s team."
          checked={values.published}
          onChange={(ev) => set("published", ev.target.checked)}
          error={errors.fields.published}
        />
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel="Saving…">
          {submitLabel}
        </SubmitButton>
        <p role="status" className="success-text save-status">
          {busy ? "" : status}
        </p>
      </div>
    </form>
  );
}

type RoleRow = { userId: string; name: string; email: string; role: (typeof EVENT_ROLES)[number] };
const ROLE_FIELDS = ["email", "role"] as const;
const ROLE_LABEL: Record<string, string> = { organiser: "Organiser", reviewer: "Reviewer", speaker: "Speaker", attendee: "Attendee" };

function RolesPanel({ community, event }: { community: string; event: string }) {
  const base = `/communities/${community}/events/${event}/roles`;
  const [list, , setList] = useLoad((signal) => get<{ roles: RoleRow[] }>(base, signal), [base]);
  const [values, setValues] = useState({ email: "", role: "attendee" });
  const [message, setMessage] = useState("");
  const { busy, errors, run } = useSubmit(ROLE_FIELDS);
  const remove = useSubmit([]);
  const { user } = useSession();
  const RFORM = "role";

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    setMessage("");
    void run(async () => {
      const r = await post<{ roles: RoleRow[] }>(base, check(roleBody, values));
      setList(r);
      setMessage(`${values.email} is now ${ROLE_LABEL[values.role]?.toLowerCase() ?? values.role}.`);
      setValues((v) => ({ ...v, email: "" }));
    });
  };

  return (
    <section className="card" id="people" aria-labelledby="people-title" tabIndex={-1}>
      <h2 id="people-title">People and roles</h2>
      <p className="muted">Organisers run the event; reviewers rate proposals; speakers and attendees see drafts of the programme.</p>
      <Status>{message}</Status>
      <ErrorSummary form={`${RFORM}-remove`} errors={remove.errors} labels={{}} />
      {list.status === "loading" ? <p className="muted">Loading…</p> : null}
      {list.status === "error" ? <p className="field-error">{list.error.message}</p> : null}
      {list.status === "ok" ? (
        list.data.roles.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">People with a role at this event</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.roles.map((r) => (
                  <tr key={`${r.userId}-${r.role}`}>
                    <td>{r.name}</td>
                    <td className="break">{r.email}</td>
                    <td>
                      <span className="badge">{ROLE_LABEL[r.role] ?? r.role}</span>
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button small danger-outline"
                        disabled={remove.busy}
                        onClick={() =>
                          void remove.run(async () => {
                            const self = r.userId === user?.id && r.role === "organiser";
                            if (!window.confirm(self ? "Remove your own organiser role? You may lose access to these settings." : `Remove ${r.name} as ${ROLE_LABEL[r.role]?.toLowerCase()}?`)) return;
                            await del(`${base}/${r.userId}/${r.role}`);
                            setList({ roles: list.data.roles.filter((x) => !(x.userId === r.userId && x.role === r.role)) });
                            setMessage(`${r.name} is no longer ${ROLE_LABEL[r.role]?.toLowerCase()}.`);
                          })
                        }
                      >
                        Remove<span className="visually-hidden"> {r.name} as {ROLE_LABEL[r.role]?.toLowerCase()}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Nobody has a role yet.</p>
        )
      ) : null}
      <h3>Give someone a role</h3>
      <ErrorSummary form={RFORM} errors={errors} labels={{ email: "Email address", role: "Role" }} />
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <TextField form={RFORM} name="email" label="Email address" type="email" autoComplete="off" required value={values.email} onChange={(ev) => setValues((v) => ({ ...v, email: ev.target.value }))} error={errors.fields.email} hint="They need an account here." />
        <SelectField form={RFORM} name="role" label="Role" options={EVENT_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] ?? r }))} value={values.role} onChange={(ev) => setValues((v) => ({ ...v, role: ev.target.value }))} error={errors.fields.role} />
        <SubmitButton busy={busy} busyLabel="Adding…" className="button secondary">
          Add
        </SubmitButton>
      </form>
    </section>
  );
}
