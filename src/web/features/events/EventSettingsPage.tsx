import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { createEventBody, EVENT_KINDS, EVENT_ROLES, LIMITS, roleBody, updateEventBody, type EventDetail } from "../../../server/features/events/schema.js";
import { LIMITS as COMMUNITY_LIMITS } from "../../../server/features/communities/schema.js";
import { LIMITS as ACCOUNT_LIMITS } from "../../../server/features/accounts/schema.js";
import { del, get, patch, post } from "../../app/api.js";
import { ApiError, validationError } from "../../app/errors.js";
import { CheckboxField, ErrorSummary, SelectField, Status, SubmitButton, TextArea, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { T, useI18n } from "../../app/i18n.js";
import type { MessageId } from "../../../shared/i18n/catalogue.js";
import { Flash, Loading, PageError, PageHeader } from "../../app/layout.js";
import { useSession } from "../../app/session.js";
import { eventPath } from "./EventCard.js";
import { EventBreadcrumb } from "./EventBreadcrumb.js";
import { EVENT_FIELDS, emptyEventValues, slugify, toEventBody, valuesFromEvent, type EventFormValues } from "./eventForm.js";
import { KIND_LABEL } from "./kinds.js";

const FORM = "event";
/** The scheme every website starts with: the same in every language. */
const URL_PLACEHOLDER = "https://";

/** The form's labels in the page's language, in the order the fields appear (the error summary follows it). */
function useLabels(): Record<(typeof EVENT_FIELDS)[number], string> {
  const { t } = useI18n();
  return {
    kind: t("events.form.kind"),
    name: t("events.form.name"),
    slug: t("events.form.slug"),
    startDate: t("events.form.startDate"),
    endDate: t("events.form.endDate"),
    description: t("events.form.description"),
    venue: t("events.form.venue"),
    city: t("events.form.city"),
    country: t("events.form.country"),
    timeZone: t("events.form.timeZone"),
    latitude: t("events.form.latitude"),
    longitude: t("events.form.longitude"),
    hostOrganisation: t("events.form.hostOrganisation"),
    capacity: t("events.form.capacity"),
    website: t("events.form.website"),
    cfpClosesAt: t("events.form.cfpClosesAt"),
    published: t("events.form.published"),
  };
}

function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function NewEventPage() {
  const { t } = useI18n();
  const { community = "" } = useParams();
  const navigate = useNavigate();
  const { user, loading } = useSession();
  const [comm] = useLoad((signal) => get<{ name: string; slug: string }>(`/communities/${community}`, signal), [community]);
  useTitle(comm.status === "error" || (!loading && !user) ? null : t("events.new.title"));
  if (loading || comm.status === "loading") return <Loading />;
  if (comm.status === "error") return <PageError error={comm.error} what={t("communities.page.what")} />;
  if (!user) return <PageError error={new ApiError(401, "unauthenticated", t("events.new.signIn"))} />;
  return (
    <div className="wrap">
      <nav aria-label={t("common.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/communities/${community}`}>{comm.data.name}</Link>
          </li>
          <li aria-current="page">{t("events.new.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("events.new.title")} eyebrow={comm.data.name}>
        <p className="lede">{t("events.new.lede")}</p>
      </PageHeader>
      <EventForm
        initial={emptyEventValues(viewerZone())}
        isNew
        submitLabel={t("events.new.submit")}
        onSave={async (body) => {
          const created = await post<EventDetail>(`/communities/${community}/events`, check(createEventBody, body));
          navigate(eventPath(created), { state: { flash: t(created.published ? "events.new.createdPublished" : "events.new.createdDraft") } });
        }}
      />
    </div>
  );
}

export function EventSettingsPage() {
  const { t } = useI18n();
  const { community = "", event = "" } = useParams();
  const navigate = useNavigate();
  const [state, , setEvent] = useLoad((signal) => get<EventDetail>(`/communities/${community}/events/${event}`, signal), [community, event]);
  useTitle(state.status === "ok" ? t("events.settings.titleOf", { name: state.data.name }) : state.status === "error" ? null : t("events.settings.title"));
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
  if (state.status === "error") return <PageError error={state.error} what={t("events.page.what")} />;
  const e = state.data;
  if (!e.can.update && !e.can.manageRoles) return <PageError error={new ApiError(403, "forbidden", t("events.settings.forbidden"))} />;
  return (
    <div className="wrap">
      <Flash />
      <EventBreadcrumb event={e} current={t("events.settings.crumb")} />
      <PageHeader title={t("events.settings.title")} eyebrow={e.name}>
        <p>
          <Link to={eventPath(e)}>{t("events.settings.viewPage")}</Link>
        </p>
      </PageHeader>
      <div className="stack settings-stack">
      {e.can.update ? (
        <>
          <EventForm
            status={saved}
            key={e.id}
            initial={valuesFromEvent(e)}
            submitLabel={t("common.saveChanges")}
            onSave={async (body) => {
              setSaved("");
              const updated = await patch<EventDetail>(`/communities/${community}/events/${event}`, check(updateEventBody, body));
              setEvent(updated);
              setSaved(t("common.changesSaved"));
              if (updated.slug !== event) navigate(`${eventPath(updated)}/settings`, { replace: true, state: { flash: t("events.settings.savedNewAddress") } });
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
  const { t } = useI18n();
  const LABELS = useLabels();
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
        throw new ApiError(400, "validation_failed", t("errors.form.someFields"), { ...more, ...fields });
      }
      await onSave(body);
    });
  };

  return (
    <form className="card form-wide" onSubmit={onSubmit} noValidate aria-label={t(isNew ? "events.new.title" : "events.settings.title")}>
      <ErrorSummary form={FORM} errors={errors} labels={LABELS} />
      <fieldset>
        <legend>{t("events.form.theEvent")}</legend>
        <SelectField form={FORM} name="kind" label={LABELS.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k].one) }))} {...text("kind")} hint={t(KIND_LABEL[(EVENT_KINDS as readonly string[]).includes(values.kind) ? (values.kind as keyof typeof KIND_LABEL) : "hackathon"].blurb)} />
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
          hint={t("events.form.slugHint")}
        />
        <div className="grid-2">
          <TextField form={FORM} name="startDate" label={LABELS.startDate} type="date" required {...text("startDate")} />
          <TextField form={FORM} name="endDate" label={LABELS.endDate} type="date" required {...text("endDate")} min={values.startDate || undefined} />
        </div>
        <TextArea form={FORM} name="description" label={LABELS.description} rows={8} maxLength={LIMITS.descriptionMax} {...text("description")} hint={t("events.form.descriptionHint")} />
      </fieldset>
      <fieldset>
        <legend>{t("events.form.placeAndZone")}</legend>
        <TextField form={FORM} name="venue" label={LABELS.venue} maxLength={LIMITS.textMax} {...text("venue")} hint={t("events.form.venueHint")} />
        <div className="grid-2">
          <TextField form={FORM} name="city" label={LABELS.city} maxLength={LIMITS.textMax} autoComplete="off" {...text("city")} />
          <TextField form={FORM} name="country" label={LABELS.country} maxLength={LIMITS.textMax} autoComplete="off" {...text("country")} />
        </div>
        <TextField form={FORM} name="timeZone" label={LABELS.timeZone} required maxLength={LIMITS.timeZoneMax} list="time-zones" spellCheck={false} autoComplete="off" {...text("timeZone")} hint={t("events.form.timeZoneHint")} />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="grid-2">
          <TextField form={FORM} name="latitude" label={LABELS.latitude} inputMode="decimal" {...text("latitude")} hint={t("events.form.latitudeHint")} />
          <TextField form={FORM} name="longitude" label={LABELS.longitude} inputMode="decimal" {...text("longitude")} hint={t("events.form.longitudeHint")} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("events.page.details")}</legend>
        <div className="grid-2">
          <TextField form={FORM} name="hostOrganisation" label={LABELS.hostOrganisation} maxLength={LIMITS.textMax} {...text("hostOrganisation")} hint={t("events.form.hostHint")} />
          <TextField form={FORM} name="capacity" label={LABELS.capacity} inputMode="numeric" {...text("capacity")} hint={t("events.form.capacityHint")} />
        </div>
        <TextField form={FORM} name="website" label={LABELS.website} type="url" inputMode="url" maxLength={LIMITS.urlMax} placeholder={URL_PLACEHOLDER} {...text("website")} />
        <TextField form={FORM} name="cfpClosesAt" label={LABELS.cfpClosesAt} type="datetime-local" {...text("cfpClosesAt")} hint={values.timeZone ? t("events.form.cfpHint", { zone: values.timeZone }) : t("events.form.cfpHintNoZone")} />
        <CheckboxField
          form={FORM}
          name="published"
          label={LABELS.published}
          hint={t("events.form.publishedHint")}
          checked={values.published}
          onChange={(ev) => set("published", ev.target.checked)}
          error={errors.fields.published}
        />
      </fieldset>
      <div className="form-actions">
        <SubmitButton busy={busy} busyLabel={t("common.saving")}>
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
const ROLE_LABEL: Record<RoleRow["role"], MessageId> = { organiser: "events.role.organiser", chair: "events.role.chair", reviewer: "events.role.reviewer", speaker: "events.role.speaker", attendee: "events.role.attendee" };

function RolesPanel({ community, event }: { community: string; event: string }) {
  const { t } = useI18n();
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
      setMessage(t("events.roles.granted", { email: values.email, role: values.role }));
      setValues((v) => ({ ...v, email: "" }));
    });
  };

  return (
    <section className="card" id="people" aria-labelledby="people-title" tabIndex={-1}>
      <h2 id="people-title">{t("events.roles.title")}</h2>
      <p className="muted">{t("events.roles.intro")}</p>
      <Status>{message}</Status>
      <ErrorSummary form={`${RFORM}-remove`} errors={remove.errors} labels={{}} />
      {list.status === "loading" ? <p className="muted">{t("common.loading")}</p> : null}
      {list.status === "error" ? <p className="field-error">{list.error.message}</p> : null}
      {list.status === "ok" ? (
        list.data.roles.length ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("events.roles.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("common.name")}</th>
                  <th scope="col">{t("common.email")}</th>
                  <th scope="col">{t("events.roles.role")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.roles.map((r) => (
                  <tr key={`${r.userId}-${r.role}`}>
                    <td>{r.name}</td>
                    <td className="break">{r.email}</td>
                    <td>
                      <span className="badge">{t(ROLE_LABEL[r.role])}</span>
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button small danger-outline"
                        disabled={remove.busy}
                        onClick={() =>
                          void remove.run(async () => {
                            const self = r.userId === user?.id && r.role === "organiser";
                            if (!window.confirm(self ? t("events.roles.confirmRemoveSelf") : t("events.roles.confirmRemove", { name: r.name, role: r.role }))) return;
                            await del(`${base}/${r.userId}/${r.role}`);
                            setList({ roles: list.data.roles.filter((x) => !(x.userId === r.userId && x.role === r.role)) });
                            setMessage(t("events.roles.removed", { name: r.name, role: r.role }));
                          })
                        }
                      >
                        <T id="events.roles.removeButton" values={{ name: r.name, role: r.role, hidden: (c) => <span className="visually-hidden">{c}</span> }} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("events.roles.none")}</p>
        )
      ) : null}
      <h3>{t("events.roles.grantTitle")}</h3>
      <ErrorSummary form={RFORM} errors={errors} labels={{ email: t("common.email"), role: t("events.roles.role") }} />
      <form onSubmit={onSubmit} noValidate className="inline-form">
        <TextField form={RFORM} name="email" label={t("common.email")} type="email" autoComplete="off" required maxLength={ACCOUNT_LIMITS.emailMax} value={values.email} onChange={(ev) => setValues((v) => ({ ...v, email: ev.target.value }))} error={errors.fields.email} hint={t("events.roles.needsAccount")} />
        <SelectField form={RFORM} name="role" label={t("events.roles.role")} options={EVENT_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} value={values.role} onChange={(ev) => setValues((v) => ({ ...v, role: ev.target.value }))} error={errors.fields.role} />
        <SubmitButton busy={busy} busyLabel={t("common.adding")} className="button secondary">
          {t("common.add")}
        </SubmitButton>
      </form>
    </section>
  );
}
