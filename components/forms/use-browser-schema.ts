"use client";
import { useCallback, useEffect, useRef } from "react";
import type { z } from "zod";
import { loadBrowserSchema, type SchemaLoader } from "@/lib/validation/client";

/** What counts as the user starting to work with a form: a field or button focused, pressed or typed in. */
const START_EVENTS = ["focusin", "pointerdown", "input"] as const;

const inForm = (target: EventTarget | null) => target instanceof Element && target.closest("form") !== null;

/**
 * A form's shared schema, loaded when the user starts working with a form of the page rather than
 * with the page (ADR 0053): zod and the schemas are not on the first load. Returns a getter for the
 * schema, null until it has arrived. Each start event in a form asks the (latest) loader again,
 * which costs nothing once its module is there and follows a loader that changed with the props.
 * A submit before the schema is there goes to the server, which checks with the same schema.
 */
export function useBrowserSchema(loader: SchemaLoader): () => z.ZodType | null {
  const schema = useRef<z.ZodType | null>(null);
  const latest = useRef(loader);
  const loading = useRef(false);

  useEffect(() => {
    latest.current = loader;
  });

  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    loadBrowserSchema(latest.current)
      .then(
        (s) => {
          schema.current = s;
          // Observable from outside (the e2e tests, a developer's inspector): this page's forms now
          // check in the browser before sending; until then a submit goes to the server to be checked.
          document.documentElement.setAttribute("data-browser-checks", "ready");
        },
        // A chunk that failed to arrive (offline, a new deployment): the server checks every submit.
        () => {},
      )
      .finally(() => {
        loading.current = false;
      });
  }, []);

  useEffect(() => {
    const start = (event: Event) => {
      if (inForm(event.target)) load();
    };
    // A form that mounts with the focus in it (a dialog's first field) has started already.
    if (inForm(document.activeElement)) load();
    for (const type of START_EVENTS) document.addEventListener(type, start, true);
    return () => {
      for (const type of START_EVENTS) document.removeEventListener(type, start, true);
    };
  }, [load]);

  return useCallback(() => {
    if (!schema.current) load();
    return schema.current;
  }, [load]);
}
