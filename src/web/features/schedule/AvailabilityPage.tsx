import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { myAvailabilityBody, type MyAvailabilityView } from "../../../server/features/schedule/schema.js";
import { formatDate } from "../../../shared/i18n/format.js";
import { api, get } from "../../app/api.js";
import { instantToLocalInput, localInputToInstant } from "../../app/dates.js";
import { ErrorSummary, Status, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";

/**
 * A speaker's own form: the times they cannot make at the event, as rows of from–to in the
 * venue's time. Saved, they become the speaker's availability, which the editor checks.
 */
type Row = { start: string; end: string };

export function AvailabilityPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const path = `/communities/${community}/events/${event}/schedule/my-availability`;
  const [state, , set] = useLoad((signal) => get<MyAvailabilityView>(path, signal), [path]);
  useTitle(t("schedule.availability.title"));
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <PageError error={state.error} what={t("schedule.availability.what")} />;
  return <AvailabilityForm key={JSON.stringify(state.data.unavailable)} view={state.data} path={path} onSaved={set} back={`/communities/${community}/events/${event}/schedule`} locale={locale} />;
}

function AvailabilityForm({ view, path, onSaved, back, locale }: { view: MyAvailabilityView; path: string; onSaved: (v: MyAvailabilityView) => void; back: string; locale: ReturnType<typeof useI18n>["locale"] }) {
  const F = "availability";
  const { t } = useI18n();
  const zone = view.timeZone;
  const [rows, setRows] = useState<Row[]>(view.unavailable.map((w) => ({ start: instantToLocalInput(w.start, zone), end: instantToLocalInput(w.end, zone) })));
  const [saved, setSaved] = useState(false);
  const { busy, errors, run } = useSubmit(["unavailable"]);
  const firstDay = view.days[0];
  const blank = (): Row => (firstDay ? { start: instantToLocalInput(firstDay.start, zone), end: instantToLocalInput(firstDay.end, zone) } : { start: "", end: "" });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const body = check(myAvailabilityBody, { unavailable: rows.map((r) => ({ start: localInputToInstant(r.start, zone), end: localInputToInstant(r.end, zone) })) });
      onSaved(await api<MyAvailabilityView>("PUT", path, body));
      setSaved(true);
    });
  };
  return (
    <div className="wrap narrow">
      <PageHeader title={t("schedule.availability.title")}>
        <p className="lede">{t("schedule.availability.lede", { zone })}</p>
        <p>
          <Link to={back}>{t("schedule.availability.back")}</Link>
        </p>
      </PageHeader>
      <form className="card stack" onSubmit={onSubmit} noValidate aria-label={t("schedule.availability.title")}>
        <ErrorSummary form={F} errors={errors} labels={{ unavailable: t("schedule.availability.times") }} />
        <p className="muted small">{t("schedule.availability.days", { days: view.days.map((d) => formatDate(locale, d.date, "weekday")).join(", ") })}</p>
        {rows.length === 0 ? <p>{t("schedule.availability.none")}</p> : null}
        {rows.map((r, i) => (
          <fieldset key={i} className="inline-form">
            <legend className="visually-hidden">{t("schedule.availability.row", { n: i + 1 })}</legend>
            <TextField form={F} name={`start-${i}`} label={t("schedule.availability.from")} type="datetime-local" value={r.start} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />
            <TextField form={F} name={`end-${i}`} label={t("schedule.availability.to")} type="datetime-local" value={r.end} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />
            <button type="button" className="link-button danger" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t("schedule.availability.remove")}
            </button>
          </fieldset>
        ))}
        <p className="button-row">
          <button type="button" className="button secondary" onClick={() => setRows([...rows, blank()])}>
            {t("schedule.availability.add")}
          </button>
          <SubmitButton busy={busy}>{t("schedule.availability.save")}</SubmitButton>
        </p>
        {saved ? <Status>{t("schedule.availability.saved")}</Status> : null}
      </form>
    </div>
  );
}
