import { fmt, useI18n } from "../../app/i18n.js";
import { money } from "./common.js";
import { budgetSegments, funnelSteps } from "./logic.js";
import type { Budget, Summary } from "./types.js";

/**
 * The funnel (requested → invited → confirmed → checked in) as inline SVG bars. The picture
 * is one image with a full text equivalent; the figures are also printed beside each bar.
 */
export function FunnelChart({ funnel }: { funnel: Summary["funnel"] }) {
  const { t } = useI18n();
  const steps = funnelSteps(funnel);
  const label = t("registration.funnel.label", { steps: steps.map((s) => t("registration.funnel.step", { label: t(s.label), value: s.value })).join(", ") });
  const rowH = 44;
  const width = 640;
  const labelW = 115;
  const barMax = width - labelW - 120;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${rowH * steps.length}`} role="img" aria-label={label} className="funnel-svg" preserveAspectRatio="xMinYMin meet">
        {steps.map((s, i) => {
          const w = Math.max(s.value > 0 ? 3 : 0, (barMax * s.percent) / 100);
          const y = i * rowH;
          return (
            <g key={s.key}>
              <text x={0} y={y + 27} className="chart-label">
                {t(s.label)}
              </text>
              <rect x={labelW} y={y + 8} width={barMax} height={28} rx={4} className="funnel-track" />
              <rect x={labelW + (barMax - w) / 2} y={y + 8} width={w} height={28} rx={4} className={`funnel-bar funnel-${s.key}`} />
              <text x={labelW + barMax + 10} y={y + 27} className="chart-value">
                {i > 0 ? t("registration.funnel.value", { value: s.value, share: s.percent / 100 }) : fmt.number(s.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}

/** The stipend budget as one stacked horizontal bar: reimbursed / accepted / offered / left of the total. */
export function BudgetBar({ budget }: { budget: Budget }) {
  const { t, rich } = useI18n();
  const segs = budgetSegments(budget);
  const m = (n: number) => money(n, budget.currency);
  const label = t("registration.budget.label", { total: m(budget.total), parts: segs.map((s) => t(`registration.budget.inLabel.${s.key}`, { amount: m(s.value) })).join(", ") });
  return (
    <figure className="chart budget-chart">
      <div className="budget-bar" role="img" aria-label={label}>
        {segs.map((s) =>
          s.percent > 0 ? <span key={s.key} className={`budget-seg budget-${s.key}`} style={{ width: `${s.percent}%` }} title={t("registration.budget.part", { label: t(s.label), amount: m(s.value) })} /> : null,
        )}
      </div>
      <figcaption>
        <ul className="chart-legend">
          {segs.map((s) => (
            <li key={s.key}>
              <span className={`legend-swatch budget-${s.key}`} aria-hidden="true" />
              {rich("registration.budget.legend", { label: t(s.label), amount: m(s.value) })}
            </li>
          ))}
          <li>
            {rich("registration.budget.total", { amount: m(budget.total) })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
