import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type MouseEvent, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { hasErrors, type FormErrors } from "./errors.js";
import { useI18n } from "./i18n.js";

/** The id an input gets inside a form, so the error summary can link to it. */
export const fieldId = (form: string, name: string) => `${form}-${name}`;

/**
 * The form-level summary: a role="alert" box that takes focus after a failed submit and
 * links each message to its input.
 */
export function ErrorSummary({ form, errors, labels, children }: { form: string; errors: FormErrors; labels: Record<string, string>; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  const show = hasErrors(errors);
  useEffect(() => {
    if (show) ref.current?.focus();
  }, [show, errors]);
  if (!show) return null;
  // In the order the fields appear on the form (the labels are listed in that order).
  const order = Object.keys(labels);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(errors.fields).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${form}-error-title`}>
      <h2 id={`${form}-error-title`}>{errors.summary || t("errors.form.title")}</h2>
      {entries.length > 0 || errors.other.length > 0 ? (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(form, name)}`} onClick={(e) => focusField(e, fieldId(form, name))}>
                {t("errors.form.fieldMessage", { field: labels[name] ?? name, message })}
              </a>
            </li>
          ))}
          {errors.other.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

function focusField(e: MouseEvent, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: "center" });
}

interface FieldShell {
  form: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
}

/** Label, hint and error around one control, wired with aria-describedby / aria-invalid. */
function useFieldIds(form: string, name: string, hint: unknown, error: unknown, counted = false) {
  const id = fieldId(form, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = counted ? `${id}-count` : undefined;
  const describedBy = [errorId, hintId, countId].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, countId, describedBy };
}

function Shell({ id, hintId, errorId, label, hint, error, className, children, after }: { id: string; hintId?: string | undefined; errorId?: string | undefined; label: ReactNode; hint?: ReactNode; error?: string | undefined; className?: string | undefined; children: ReactNode; after?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">{t("common.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      {children}
      {after}
    </div>
  );
}

/** Longer than a schema's limit? Counted as Zod counts a string's length (UTF-16 code units). */
export function overLimit(value: unknown, limit: number | undefined): boolean {
  return limit !== undefined && typeof value === "string" && value.length > limit;
}

/** How close to its limit a text must be before the counter shows: the last fifth, at least the last 10 characters; under 20 only once over. */
function counterShows(length: number, limit: number): boolean {
  if (length > limit) return true;
  if (limit < 20) return false;
  return limit - length <= Math.max(10, Math.ceil(limit * 0.2));
}

/**
 * The counter under a text field with a length limit (the limit its schema checks). Silent
 * until the text nears the limit; then "12 characters left"; past it, "Too long by 40
 * characters", marked as a problem. Nothing is ever cut: pasted text stays whole and the
 * form's schema check refuses it with the same limit. Screen readers hear the count once
 * typing pauses, not at every key.
 */
export function CharacterCount({ id, value, limit }: { id: string; value: string; limit: number }) {
  const { t } = useI18n();
  const length = value.length;
  const shows = counterShows(length, limit);
  const message = !shows ? "" : length > limit ? t("common.chars.over", { count: length - limit, limit }) : t("common.chars.left", { count: limit - length });
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <>
      <p id={id} className={`char-count${length > limit ? " char-count-over" : ""}`} hidden={!shows}>
        {message}
      </p>
      <span className="visually-hidden" role="status">
        {announced}
      </span>
    </>
  );
}

/**
 * Ids, validity and counter of a text control. `maxLength` on our text fields is the schema's
 * limit, never the HTML attribute: the attribute silently cuts pasted text, so it is kept off
 * the element and a counter says when the text is too long instead.
 */
function useTextControl(form: string, name: string, hint: unknown, error: string | undefined, value: unknown, maxLength: number | undefined) {
  const counted = maxLength !== undefined && typeof value === "string";
  const ids = useFieldIds(form, name, hint, error, counted);
  const invalid = Boolean(error) || (counted && overLimit(value, maxLength));
  const counter = counted && ids.countId ? <CharacterCount id={ids.countId} value={value} limit={maxLength} /> : null;
  return { ids, invalid: invalid || undefined, counter };
}

type InputProps = FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, "form" | "name" | "id">;

export function TextField({ form, name, label, hint, error, className, maxLength, ...rest }: InputProps) {
  const { ids, invalid, counter } = useTextControl(form, name, hint, error, rest.value, maxLength);
  return (
    <Shell {...ids} label={label} hint={hint} error={error} className={className} after={counter}>
      <input id={ids.id} name={name} aria-invalid={invalid} aria-describedby={ids.describedBy} {...rest} />
    </Shell>
  );
}

type TextAreaProps = FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "form" | "name" | "id">;

export function TextArea({ form, name, label, hint, error, className, maxLength, ...rest }: TextAreaProps) {
  const { ids, invalid, counter } = useTextControl(form, name, hint, error, rest.value, maxLength);
  return (
    <Shell {...ids} label={label} hint={hint} error={error} className={className} after={counter}>
      <textarea id={ids.id} name={name} aria-invalid={invalid} aria-describedby={ids.describedBy} {...rest} />
    </Shell>
  );
}

type SelectProps = FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, "form" | "name" | "id"> & { options: readonly { value: string; label: string }[] };

export function SelectField({ form, name, label, hint, error, className, options, ...rest }: SelectProps) {
  const ids = useFieldIds(form, name, hint, error);
  return (
    <Shell {...ids} label={label} hint={hint} error={error} className={className}>
      <select id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxField({ form, name, label, hint, error, className, ...rest }: InputProps) {
  const ids = useFieldIds(form, name, hint, error);
  return (
    <div className={`field field-check${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <input type="checkbox" id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...rest} />
      <div>
        <label htmlFor={ids.id}>{label}</label>
        {hint ? (
          <p className="hint" id={ids.hintId}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={ids.errorId}>
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function SubmitButton({ busy, children, busyLabel, className = "button primary" }: { busy: boolean; children: ReactNode; busyLabel?: string; className?: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy || undefined}>
      {busy ? (busyLabel ?? t("common.working")) : children}
    </button>
  );
}

/** A polite status message (success notes after a change). */
export function Status({ children, tone = "success" }: { children: ReactNode; tone?: "success" | "info" | "warning" }) {
  if (!children) return null;
  return (
    <div className={`notice notice-${tone}`} role="status">
      {children}
    </div>
  );
}

/** Unique ids for small forms that appear several times on a page. */
export function useFormId(prefix: string): string {
  const raw = useId();
  return `${prefix}-${raw.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}
