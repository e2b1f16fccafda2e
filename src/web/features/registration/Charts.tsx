import { budgetSegments, formatMoney, funnelSteps } from "./logic.js";
import type { Budget, Summary } from "./types.js";

/**
 * The funnel (requested → invited → confirmed → checked in) as inline SVG bars. The picture
 * is one image with a full text equivalent; the figures are also printed beside each bar.
 */
export function FunnelChart({ funnel }: { funnel: Summary["funnel"] }) {
  const steps = funnelSteps(funnel);
  const label = `Registration funnel: ${steps.map((s) => `${s.label} ${s.value}`).join(", ")}.`;
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
                {s.label}
              </text>
              <rect x={labelW} y={y + 8} width={barMax} height={28} rx={4} className="funnel-track" />
              <rect x={labelW + (barMax - w) / 2} y={y + 8} width={w} height={28} rx={4} className={`funnel-bar funnel-${s.key}`} />
              <text x={labelW + barMax + 10} y={y + 27} className="chart-value">
                {s.value}
                {i > 0 ? ` (${s.percent}%)` : ""}
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
  const segs = budgetSegments(budget);
  const money = (n: number) => formatMoney(n, budget.currency);
  const label = `Stipend budget of ${money(budget.total)}: ${segs.map((s) => `${s.label.toLowerCase()} ${money(s.value)}`).join(", ")}.`;
  return (
    <figure className="chart budget-chart">
      <div className="budget-bar" role="img" aria-label={label}>
        {segs.map((s) =>
          s.percent > 0 ? <span key={s.key} className={`budget-seg budget-${s.key}`} style={{ width: `${s.percent}%` }} title={`${s.label}: ${money(s.value)}`} /> : null,
        )}
      </div>
      <figcaption>
        <ul className="chart-legend">
          {segs.map((s) => (
            <li key={s.key}>
              <span className={`legend-swatch budget-${s.key}`} aria-hidden="true" />
              {s.label}: <strong>{money(s.value)}</strong>
            </li>
          ))}
          <li>
            Total: <strong>{money(budget.total)}</strong>
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
