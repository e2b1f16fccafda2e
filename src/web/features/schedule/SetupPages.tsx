import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { ImportResult, SetupView } from "../../../server/features/schedule/schema.js";
import { blockBody, daysBody, importBody, roomBody } from "../../../server/features/schedule/schema.js";
import { formatInstant } from "../../../shared/i18n/format.js";
import { api, ApiError, del, get, patch, post } from "../../app/api.js";
import { localInputToInstant } from "../../app/dates.js";
import { ErrorSummary, SelectField, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { P } from "./logic.js";

/** Rooms, days and breaks of a conference's schedule; and importing a pretalx/frab schedule. */
const apiOf = (community: string, event: string) => `/communities/${community}/events/${event}`;

export function SetupPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const base = apiOf(community, event);
  const [state, , set] = useLoad((signal) => get<SetupView>(`${base}/schedule/setup`, signal), [base]);
  useTitle(t("schedule.setup.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.page.what")} />;
  const s = state.data;
  const eventPage = `/communities/${community}/events/${event}`;
  return (
    <div className="wrap schedule-setup">
      <nav aria-label={t("schedule.page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={eventPage}>{s.event.name}</Link>
          </li>
          <li>
            <Link to={`${eventPage}/schedule/edit`}>{t("schedule.editor.title")}</Link>
          </li>
          <li aria-current="page">{t("schedule.setup.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("schedule.setup.title")} eyebrow={s.event.name} />
      <Rooms s={s} base={base} onChange={set} />
      <Days s={s} base={base} onChange={set} />
      <Blocks s={s} base={base} onChange={set} locale={locale} />
      <p className="muted small">{t("schedule.page.zone", { zone: s.event.timeZone })}</p>
    </div>
  );
}

function Rooms({ s, base, onChange }: { s: SetupView; base: string; onChange: (s: SetupView) => void }) {
  const F = "rooms";
  const { t } = useI18n();
  const [v, setV] = useState({ name: "", capacity: "" });
  const { busy, errors, run } = useSubmit(["name", "capacity"]);
  const labels = { name: t("schedule.setup.roomName"), capacity: t("schedule.setup.capacity") };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onChange(await post<SetupView>(`${base}/schedule/rooms`, check(roomBody, { name: v.name, capacity: v.capacity ? Number(v.capacity) : null })));
      setV({ name: "", capacity: "" });
    });
  };
  return (
    <section aria-labelledby={`${F}-title`} className="card stack">
      <h2 id={`${F}-title`}>{t("schedule.setup.rooms")}</h2>
      <ol className="setup-list">
        {s.rooms.map((r, i) => (
          <li key={r.id}>
            <span>
              {r.name}
              {r.capacity ? <>{P.open}{r.capacity}{P.close}</> : null}
            </span>
            {i > 0 ? (
              <button type="button" className="link-button" onClick={() => {
                  const ids = s.rooms.map((x) => x.id);
                  [ids[i - 1], ids[i]] = [ids[i]!, ids[i - 1]!];
                  void api<SetupView>("PUT", `${base}/schedule/rooms/order`, { roomIds: ids }).then(onChange);
                }}>
                {t("schedule.setup.up", { room: r.name })}
              </button>
            ) : null}
            <button type="button" className="link-button danger" onClick={() => void api<SetupView>("DELETE", `${base}/schedule/rooms/${r.id}`).then(onChange)}>
              {t("schedule.setup.remove")}
            </button>
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={add} noValidate aria-label={t("schedule.setup.addRoom")}>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        <TextField form={F} name="name" label={labels.name} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={errors.fields.name} required />
        <TextField form={F} name="capacity" label={labels.capacity} type="number" min={1} value={v.capacity} onChange={(e) => setV({ ...v, capacity: e.target.value })} error={errors.fields.capacity} />
        <SubmitButton busy={busy}>{t("schedule.setup.addRoom")}</SubmitButton>
      </form>
    </section>
  );
}

function Days({ s, base, onChange }: { s: SetupView; base: string; onChange: (s: SetupView) => void }) {
  const F = "days";
  const { t } = useI18n();
  const [days, setDays] = useState(s.days.length ? s.days.map(({ date, startTime, endTime }) => ({ date, startTime, endTime })) : [{ date: s.event.startDate, startTime: "09:00", endTime: "18:00" }]);
  const [grid, setGrid] = useState(String(s.slotMinutes));
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(["days"]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      await patch<SetupView>(`${base}/schedule/settings`, { slotMinutes: Number(grid) });
      onChange(await api<SetupView>("PUT", `${base}/schedule/days`, check(daysBody, { days })));
      setSaved(true);
    });
  };
  const setDay = (i: number, k: "date" | "startTime" | "endTime", value: string) => setDays(days.map((d, j) => (j === i ? { ...d, [k]: value } : d)));
  return (
    <form className="card stack" aria-labelledby={`${F}-title`} onSubmit={save} noValidate>
      <h2 id={`${F}-title`}>{t("schedule.setup.days")}</h2>
      <ErrorSummary form={F} errors={errors} labels={{ days: t("schedule.setup.days") }} />
      {saved ? <Status>{t("schedule.setup.saved")}</Status> : null}
      <TextField form={F} name="grid" label={t("schedule.setup.grid")} type="number" min={5} max={120} step={5} value={grid} onChange={(e) => setGrid(e.target.value)} />
      {days.map((d, i) => (
        <fieldset key={i} className="inline-form">
          <legend className="visually-hidden">{d.date}</legend>
          <TextField form={F} name={`date-${i}`} label={t("schedule.setup.date")} type="date" value={d.date} onChange={(e) => setDay(i, "date", e.target.value)} />
          <TextField form={F} name={`from-${i}`} label={t("schedule.setup.from")} type="time" value={d.startTime} onChange={(e) => setDay(i, "startTime", e.target.value)} />
          <TextField form={F} name={`to-${i}`} label={t("schedule.setup.to")} type="time" value={d.endTime} onChange={(e) => setDay(i, "endTime", e.target.value)} />
          <button type="button" className="link-button danger" onClick={() => setDays(days.filter((_, j) => j !== i))}>
            {t("schedule.setup.remove")}
          </button>
        </fieldset>
      ))}
      <p className="button-row">
        <button type="button" className="button secondary" onClick={() => setDays([...days, { date: days.at(-1)?.date ?? s.event.startDate, startTime: "09:00", endTime: "18:00" }])}>
          {t("schedule.setup.addDay")}
        </button>
        <SubmitButton busy={busy}>{t("schedule.setup.saveDays")}</SubmitButton>
      </p>
    </form>
  );
}

function Blocks({ s, base, onChange, locale }: { s: SetupView; base: string; onChange: (s: SetupView) => void; locale: ReturnType<typeof useI18n>["locale"] }) {
  const F = "blocks";
  const { t } = useI18n();
  const zone = s.event.timeZone;
  const [v, setV] = useState({ kind: "break", roomId: "", title: "", starts: `${s.event.startDate}T12:00`, ends: `${s.event.startDate}T13:00` });
  const { busy, errors, run } = useSubmit(["title", "startsAt", "endsAt"]);
  const labels = { title: t("schedule.setup.blockTitle"), startsAt: t("schedule.setup.starts"), endsAt: t("schedule.setup.ends") };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onChange(await post<SetupView>(`${base}/schedule/blocks`, check(blockBody, { kind: v.kind, roomId: v.roomId || null, title: v.title, startsAt: localInputToInstant(v.starts, zone), endsAt: localInputToInstant(v.ends, zone) }))));
  };
  const time = (iso: string) => formatInstant(locale, iso, zone, "medium", { zone: false });
  return (
    <section aria-labelledby={`${F}-title`} className="card stack">
      <h2 id={`${F}-title`}>{t("schedule.setup.breaks")}</h2>
      <ul className="setup-list">
        {s.blocks.map((b) => (
          <li key={b.id}>
            <span>
              {b.title || t(`schedule.setup.kind.${b.kind}`)}{P.dot}{time(b.startsAt)}{P.dash}{formatInstant(locale, b.endsAt, zone, "time", { zone: false })}{P.dot}{b.roomId ? s.rooms.find((r) => r.id === b.roomId)?.name : t("schedule.setup.allRooms")}
            </span>
            <button type="button" className="link-button danger" onClick={() => void del<SetupView>(`${base}/schedule/blocks/${b.id}`).then(onChange)}>
              {t("schedule.setup.remove")}
            </button>
          </li>
        ))}
      </ul>
      <form className="stack" onSubmit={add} noValidate aria-label={t("schedule.setup.breaks")}>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        <SelectField form={F} name="kind" label={t("schedule.setup.kind")} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })} options={[{ value: "break", label: t("schedule.setup.kind.break") }, { value: "block", label: t("schedule.setup.kind.block") }]} />
        <SelectField form={F} name="roomId" label={t("schedule.setup.where")} value={v.roomId} onChange={(e) => setV({ ...v, roomId: e.target.value })} options={[{ value: "", label: t("schedule.setup.allRooms") }, ...s.rooms.map((r) => ({ value: r.id, label: r.name }))]} />
        <TextField form={F} name="title" label={labels.title} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={errors.fields.title} />
        <TextField form={F} name="startsAt" label={labels.startsAt} type="datetime-local" value={v.starts} onChange={(e) => setV({ ...v, starts: e.target.value })} error={errors.fields.startsAt} />
        <TextField form={F} name="endsAt" label={labels.endsAt} type="datetime-local" value={v.ends} onChange={(e) => setV({ ...v, ends: e.target.value })} error={errors.fields.endsAt} />
        <SubmitButton busy={busy}>{t("schedule.setup.addBlock")}</SubmitButton>
      </form>
    </section>
  );
}

export function ImportPage() {
  const F = "import";
  const { t } = useI18n();
  const { community = "" } = useParams();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [slug, setSlug] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, errors, run } = useSubmit(["slug"]);
  useTitle(t("schedule.import.title"));
  const labels = { content: t("schedule.import.file"), slug: t("schedule.import.slug") };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    void run(async () => {
      const content = file ? await file.text() : "";
      const format = file?.name.toLowerCase().endsWith(".json") || content.trimStart().startsWith("{") ? "json" : "xml";
      const r = await post<ImportResult>(`/communities/${community}/schedule-imports`, check(importBody, { format, content, ...(slug ? { slug } : {}) })).catch((err: unknown) => {
        // Every problem the server found, each with its line, not only the first.
        if (err instanceof ApiError && err.fields.content) setProblems(err.fields.content);
        throw err;
      });
      navigate(`/communities/${community}/events/${r.eventSlug}/schedule`, { state: { flash: t("schedule.import.done", r) } });
    });
  };
  return (
    <div className="wrap narrow">
      <PageHeader title={t("schedule.import.title")}>
        <p className="lede">{t("schedule.import.lede")}</p>
      </PageHeader>
      <form className="card stack" onSubmit={onSubmit} noValidate aria-label={t("schedule.import.title")}>
        <ErrorSummary form={F} errors={errors} labels={labels} />
        {problems.length ? (
          <ul className="import-problems" aria-label={labels.content}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <TextField form={F} name="content" label={labels.content} type="file" accept=".xml,.json,application/xml,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={errors.fields.content} />
        <TextField form={F} name="slug" label={labels.slug} value={slug} onChange={(e) => setSlug(e.target.value)} error={errors.fields.slug} />
        <SubmitButton busy={busy} busyLabel={t("schedule.import.busy")}>
          {t("schedule.import.button")}
        </SubmitButton>
      </form>
    </div>
  );
}
