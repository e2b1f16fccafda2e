import type { z } from "zod";
import { useCallback, useEffect, useRef, useState } from "react";
import { LOCALISED } from "../../shared/i18n/zod.js";
import { noErrors, toFormErrors, validationError, type ApiError, type FormErrors } from "./errors.js";

/** The product's name is the same in every language. */
export const PRODUCT_NAME = "Plenary";

/** Sets document.title for the page: "Sign in · Plenary"; `null` leaves it to a child (an error page). */
export function useTitle(title: string | undefined | null): void {
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}

export type Loaded<T> = { status: "loading" } | { status: "error"; error: ApiError | Error } | { status: "ok"; data: T };

/**
 * Loads data for a page; `reload` fetches again (after a change). Aborts when the inputs
 * change or the page goes away, so a late answer never overwrites a newer one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [tick, setTick] = useState(0);
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    // A reload of the same data keeps showing the old answer until the new one arrives;
    // different inputs (another page) start from "loading".
    const key = JSON.stringify(deps);
    const sameInputs = lastKey.current === key;
    lastKey.current = key;
    setState((s) => (s.status === "ok" && sameInputs ? s : { status: "loading" }));
    load(ctl.signal).then(
      (data) => !ctl.signal.aborted && setState({ status: "ok", data }),
      (error: unknown) => !ctl.signal.aborted && setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => ctl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setState({ status: "ok", data }), []);
  return [state, reload, set];
}

/**
 * Runs a form's submit: validates with the shared schema first (same messages as the
 * server), then calls the API; errors land in `errors`, typed values stay untouched.
 */
export function useSubmit(known: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setErrors(noErrors);
      try {
        await action();
      } catch (err) {
        setErrors(toFormErrors(err, known));
      } finally {
        setBusy(false);
      }
    },
    [known],
  );
  return { busy, errors, setErrors, run };
}

/** safeParse with a shared schema; throws the server-shaped validation error, in the page's language, on failure. */
export function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value, LOCALISED);
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}
