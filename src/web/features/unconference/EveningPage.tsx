import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { FEEDBACK_KINDS } from "../../../server/features/unconference/rules.js";
import { demoBody, feedbackBody, type BoardView, type EveningView } from "../../../server/features/unconference/schema.js";
import { formatDate, formatInstant } from "../../../shared/i18n/format.js";
import { api, get, post } from "../../app/api.js";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "../../app/forms.js";
import { check, useLoad, useSubmit, useTitle } from "../../app/hooks.js";
import { useI18n } from "../../app/i18n.js";
import { Loading, PageError, PageHeader } from "../../app/layout.js";
import { apiOf, countdown, pageOf } from "./logic.js";

/**
 * The evening plenary: what each topic did, the demo queue with its time boxes (organisers
 * reorder and start them; `?projector` shows the running demo's countdown in large type),
 * and process feedback with votes and the adopted mark.
 */
export function EveningPage() {
  const { t, locale } = useI18n();
  const { community = "", event = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const base = apiOf(community, event);
  const [board] = useLoad((signal) => get<BoardView>(base, signal), [base]);
  const date = params.get("date") ?? (board.status === "ok" ? (board.data.days[0]?.date ?? board.data.event.startDate) : null);
  const [state, , set] = useLoad((signal) => (date ? get<EveningView>(`${base}/evening?date=${date}`, signal) : new Promise<EveningView>(() => undefined)), [base, date]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useTitle(t("unconference.evening.title"));
  if (board.status === "error") return <PageError error={board.error} what={t("unconference.page.what")} />;
  if (state.status === "error") return <PageError error={state.error} what={t("unconference.page.what")} />;
  if (board.status === "loading" || state.status === "loading") return <Loading />;
  const v = state.data;
  const b = board.data;
  const running = [...v.demos].reverse().find((d) => d.startedAt);
  const left = running ? countdown(running.startedAt!, running.minutes, now) : null;
  if (params.has("projector")) {
    return (
      <div className="unconference-projector">
        <h1>{running?.title ?? t("unconference.evening.title")}</h1>
        {left ? <p className={`projector-clock ${left.over ? "countdown-over" : ""}`}>{left.text}</p> : null}
        <ol>
          {v.demos.map((d) => (
            <li key={d.id}>{t("unconference.evening.demoLine", { title: d.title, minutes: d.minutes })}</li>
          ))}
        </ol>
      </div>
    );
  }
  const order = (ids: string[]) => void api<EveningView>("PUT", `${base}/demos/order`, { date: v.date, demoIds: ids }).then(set);
  return (
    <div className="wrap unconference-evening">
      <nav aria-label={t("unconference.page.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={pageOf(community, event)}>{t("unconference.page.title")}</Link>
          </li>
          <li aria-current="page">{t("unconference.evening.title")}</li>
        </ol>
      </nav>
      <PageHeader title={t("unconference.evening.title")} eyebrow={b.event.name}>
        <Link to={`?date=${v.date}&projector`}>{t("unconference.evening.projector")}</Link>
      </PageHeader>
      <SelectField form="day" name="date" label={t("unconference.evening.day")} value={v.date} onChange={(e) => setParams({ date: e.target.value })} options={b.days.map((d) => ({ value: d.date, label: formatDate(locale, d.date) }))} />
      <section aria-labelledby="summaries-title" className="stack">
        <h2 id="summaries-title">{t("unconference.evening.summaries")}</h2>
        {v.topics.map((x) => (
          <article key={x.id} className="card">
            <h3>{x.title}</h3>
            <p className="muted small">{t("unconference.page.place", { area: x.area, time: formatInstant(locale, x.start, v.timeZone, "time", { zone: false }) })}</p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: x.summaryHtml }} />
            <div className="prose" dangerouslySetInnerHTML={{ __html: x.outcomesHtml }} />
          </article>
        ))}
      </section>
      <section aria-labelledby="demos-title" className="stack">
        <h2 id="demos-title">{t("unconference.evening.demos")}</h2>
        {left ? <p className="countdown" role="timer">{left.text}</p> : null}
        <ol>
          {v.demos.map((d, i) => (
            <li key={d.id}>
              {t("unconference.evening.demoLine", { title: d.title, minutes: d.minutes })}
              {v.can.organise ? (
                <>
                  {i > 0 ? (
                    <button type="button" className="link-button" onClick={() => order(v.demos.map((x, j) => (j === i - 1 ? d.id : j === i ? v.demos[i - 1]!.id : x.id)))}>
                      {t("unconference.evening.up", { title: d.title })}
                    </button>
                  ) : null}
                  <button type="button" className="link-button" onClick={() => void post<EveningView>(`${base}/demos/${d.id}/start`).then(set)}>
                    {t("unconference.evening.start", { title: d.title })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {v.can.participate ? <DemoSignUp base={base} date={v.date} topics={b.topics.filter((x) => x.mine.leader && x.state === "open").map((x) => ({ id: x.id, title: x.title }))} onDone={set} /> : null}
      </section>
      <Feedback base={base} v={v} onDone={set} />
    </div>
  );
}

function DemoSignUp({ base, date, topics, onDone }: { base: string; date: string; topics: { id: string; title: string }[]; onDone: (v: EveningView) => void }) {
  const F = "demo";
  const { t } = useI18n();
  const [topicId, setTopicId] = useState(topics[0]?.id ?? "");
  const [minutes, setMinutes] = useState("5");
  const { busy, errors, run } = useSubmit(["topicId", "minutes"]);
  if (!topics.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onDone(await post<EveningView>(`${base}/demos`, check(demoBody, { topicId, date, minutes: Number(minutes) }))));
  };
  const labels = { topicId: t("unconference.evening.topic"), minutes: t("unconference.evening.minutes") };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t("unconference.evening.signUp")}>
      <ErrorSummary form={F} errors={errors} labels={labels} />
      <SelectField form={F} name="topicId" label={labels.topicId} value={topicId} onChange={(e) => setTopicId(e.target.value)} options={topics.map((x) => ({ value: x.id, label: x.title }))} />
      <TextField form={F} name="minutes" label={labels.minutes} type="number" min={1} max={30} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={errors.fields.minutes} />
      <SubmitButton busy={busy}>{t("unconference.evening.signUp")}</SubmitButton>
    </form>
  );
}

function Feedback({ base, v, onDone }: { base: string; v: EveningView; onDone: (v: EveningView) => void }) {
  const F = "feedback";
  const { t } = useI18n();
  const [kind, setKind] = useState<(typeof FEEDBACK_KINDS)[number]>("keep");
  const [text, setText] = useState("");
  const { busy, errors, run } = useSubmit(["text"]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onDone(await post<EveningView>(`${base}/feedback`, check(feedbackBody, { date: v.date, kind, text })));
      setText("");
    });
  };
  return (
    <section aria-labelledby="feedback-title" className="stack">
      <h2 id="feedback-title">{t("unconference.evening.feedback")}</h2>
      <ul>
        {v.feedback.map((f) => (
          <li key={f.id}>
            {t("unconference.evening.feedbackLine", { kind: t(`unconference.evening.kind.${f.kind}`), text: f.text, votes: f.votes })}
            {f.adopted ? <strong>{t("unconference.evening.adopted")}</strong> : null}
            {v.can.participate ? (
              <button type="button" className="link-button" aria-pressed={f.voted} onClick={() => void api<EveningView>(f.voted ? "DELETE" : "PUT", `${base}/feedback/${f.id}/vote`).then(onDone)}>
                {f.voted ? t("unconference.evening.unvote") : t("unconference.evening.vote")}
              </button>
            ) : null}
            {v.can.organise ? (
              <button type="button" className="link-button" aria-pressed={f.adopted} onClick={() => void api<EveningView>("PUT", `${base}/feedback/${f.id}/adopted`, { adopted: !f.adopted }).then(onDone)}>
                {f.adopted ? t("unconference.evening.unadopt") : t("unconference.evening.adopt")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {v.can.participate ? (
        <form className="inline-form" onSubmit={submit} noValidate aria-label={t("unconference.evening.give")}>
          <ErrorSummary form={F} errors={errors} labels={{ text: t("unconference.evening.text") }} />
          <SelectField form={F} name="kind" label={t("unconference.evening.kindLabel")} value={kind} onChange={(e) => setKind(e.target.value as (typeof FEEDBACK_KINDS)[number])} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`unconference.evening.kind.${k}`) }))} />
          <TextField form={F} name="text" label={t("unconference.evening.text")} value={text} onChange={(e) => setText(e.target.value)} error={errors.fields.text} />
          <SubmitButton busy={busy}>{t("unconference.evening.give")}</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
