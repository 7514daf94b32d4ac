"use client";
import clsx from "clsx";
import { usePathname, useSearchParams } from "next/navigation";
import {
  createContext,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { focusRing } from "./button";
import { FLASH_COOKIE, parseFlash, type ToastTone } from "./flash";

export type { ToastTone };
type ToastFn = (message: string, tone?: ToastTone) => void;
type Toast = { id: number; message: string; tone: ToastTone };

const ToastContext = createContext<ToastFn | null>(null);

const DISMISS_AFTER_MS = 5000;
const MAX_VISIBLE = 4;

/**
 * Returns the `toast` function. It also carries itself as `.toast`, so both
 * `const toast = useToast()` and `const { toast } = useToast()` read naturally.
 */
export function useToast(): ToastFn & { toast: ToastFn } {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error("useToast must be used inside <ToastProvider>");
  return useMemo(() => Object.assign((message: string, tone?: ToastTone) => toast(message, tone), { toast }), [toast]);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  // Hovering or focusing a toast holds every timer, so nobody loses a message mid-read.
  const [paused, setPaused] = useState(false);

  const toast = useCallback<ToastFn>((message, tone = "success") => {
    const id = ++nextId.current;
    setToasts((current) => [...current, { id, message, tone }].slice(-MAX_VISIBLE));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((item) => item.id !== id)), []);

  const renderList = (items: Toast[]) =>
    items.map((item) => (
      <ToastItem key={item.id} toast={item} paused={paused} onDismiss={dismiss} dismissLabel={t("ui.dismiss")} />
    ));

  return (
    <ToastContext.Provider value={toast}>
      {children}
      <Suspense fallback={null}>
        <FlashReader onFlash={toast} />
      </Suspense>
      {/* Both live regions exist from the first render: screen readers miss regions added with their content. */}
      <section
        aria-label={t("ui.notifications")}
        className="pointer-events-none fixed right-4 bottom-4 z-50 print:hidden flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
        }}
      >
        <div role="alert" className="flex flex-col gap-2">
          {renderList(toasts.filter((item) => item.tone === "error"))}
        </div>
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {renderList(toasts.filter((item) => item.tone !== "error"))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

const toneClasses: Record<ToastTone, string> = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-brand-700 bg-brand-50 text-brand-900",
};

function ToastItem({
  toast,
  paused,
  onDismiss,
  dismissLabel,
}: {
  toast: Toast;
  paused: boolean;
  onDismiss: (id: number) => void;
  dismissLabel: string;
}) {
  useEffect(() => {
    if (paused) return;
    // Restarts in full after a pause; simpler than tracking the remainder and kinder to slow readers.
    const timer = window.setTimeout(() => onDismiss(toast.id), DISMISS_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [paused, toast.id, onDismiss]);

  return (
    <div
      className={clsx(
        "pointer-events-auto flex items-start gap-3 rounded-md border-l-4 px-4 py-3 text-sm shadow-lg ring-1 ring-slate-900/10",
        toneClasses[toast.tone],
      )}
    >
      <p className="min-w-0 flex-1 break-words">{toast.message}</p>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label={dismissLabel}
        className={clsx("-m-1 shrink-0 rounded-sm p-1 opacity-80 hover:opacity-100", focusRing)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </div>
  );
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split("; ")
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

/**
 * Shows the flash a server action left behind. The App Router keeps this provider mounted
 * across pages, so the cookie is checked after every render rather than once: the router
 * hooks re-render it on navigation, and a server action that only revalidates re-renders
 * the layout (and so this) with the same URL.
 */
function FlashReader({ onFlash }: { onFlash: ToastFn }) {
  const { t } = useI18n();
  usePathname();
  useSearchParams();

  useEffect(() => {
    const raw = readCookie(FLASH_COOKIE);
    if (raw === undefined) return;
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/`;
    const flash = parseFlash(raw);
    if (!flash) return;
    const message = t(flash.key as MessageKey);
    // An unknown key comes back unchanged; showing it raw would only confuse the user.
    if (message !== flash.key) onFlash(message, flash.tone);
  });

  return null;
}
