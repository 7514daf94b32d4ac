"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import clsx from "clsx";
import { useId, useRef, useState } from "react";
import { PeerStatusBadge } from "@/components/peers/status-badges";
import { Button, focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField, TextField, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm, type FormAction } from "@/components/forms/use-checked-form";
import { codeOptions } from "@/lib/domain/codes";
import { parseJapaneseDate } from "@/lib/domain/japanese-date";
import { minutesOfDay, parseTimeOfDay } from "@/lib/domain/time-of-day";
import { availableOn, type PeerAvailability } from "@/lib/domain/peer-registration";
import { DESTINATION_KIND_LABELS, DISPATCH_STATUS_LABELS, PEER_PURPOSE_LABELS, type DestinationKind, type PeerPurpose, type PeerStatus } from "@/lib/domain/peer-codes";
import { useI18n } from "@/lib/i18n/client";
import { DISPATCH_CREATE_STATUSES } from "@/lib/validation/field-names";
import type { DispatchMemberInput } from "@/lib/validation/peer";
import type { DispatchCreateState } from "../actions";

/** The values a form starts from: the defaults, a copied entry or the stored dispatch. */
export type DispatchSeed = {
  date: string;
  startTime: string | null;
  endTime: string | null;
  status?: (typeof DISPATCH_CREATE_STATUSES)[number];
  requestingOrg: string | null;
  destinationKind: DestinationKind;
  hospitalId: string | null;
  destinationName: string | null;
  purpose: PeerPurpose | "";
  audienceCount: number | null;
  caseId: string | null;
  report: string | null;
  members: DispatchMemberInput[];
};

type Option = { id: string; name: string };
type PeerOption = { id: string; displayCode: string; name: string; status: PeerStatus; availability: PeerAvailability };

type Props = {
  office: Option;
  offices: Option[];
  hospitals: Option[];
  peers: PeerOption[];
  /** The app's today (JST), for who can go on the chosen date. */
  today: string;
  cases: { id: string; caseNo: string; name: string }[];
  defaults: DispatchSeed;
} & (
  | { mode: "create"; action: FormAction<DispatchCreateState>; previous: DispatchSeed | null }
  | { mode: "edit"; action: FormAction; id: string; version: number; base: string }
);

const MULTI = ["peerIds"] as const;
const DATE_ID = "dispatch-date";

/** Hours between two times as typed (any form parseTimeOfDay reads), rounded to a quarter hour; null when either is not a time. */
function hoursBetween(start: string, end: string): number | null {
  const m = (s: string) => {
    const time = parseTimeOfDay(s);
    return time === null ? null : minutesOfDay(time);
  };
  const [a, b] = [m(start), m(end)];
  return a === null || b === null || b <= a ? null : Math.round(((b - a) / 60) * 4) / 4;
}

/**
 * ピアサポーター派遣の記録. Built for speed from the keyboard: today, my office and my last
 * destination and purpose are preset, Enter saves from any field, "前回の内容をコピー" fills in the
 * previous entry (times, destination, peers and their hours), and after saving the form is ready
 * for the next entry with the cursor back in the date.
 */
export function DispatchForm(props: Props) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [seed, setSeed] = useState<DispatchSeed>(props.defaults);
  // The date as typed since the form was (re)seeded; null: the seed's or the last answer's.
  const [dateText, setDateText] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [copied, setCopied] = useState(false);
  const schema = () => import("@/lib/validation/peer").then((m) => (props.mode === "create" ? m.DispatchCreateSchema : m.DispatchUpdateSchema));
  const { state, formAction, onSubmit, errors, message, messageRef, value, values } = useCheckedForm(props.action as FormAction<DispatchCreateState>, schema, {
    multi: MULTI,
    onSuccess: () => {
      // Ready for the next entry: today's defaults again, the cursor in the date.
      setSeed(props.defaults);
      setDateText(null);
      setKind(props.defaults.destinationKind);
      setCopied(false);
      setGeneration((g) => g + 1);
      requestAnimationFrame(() => document.getElementById(DATE_ID)?.focus());
    },
  });
  // What the user typed wins after a failed save; a fresh seed (copy, reset) wins over an older answer.
  const [seedState, setSeedState] = useState(state);
  const typed = state !== seedState && !state.ok;
  const v = (name: string, fallback: string) => (typed ? (value(name, fallback) ?? fallback) : fallback);
  const checkedPeers = typed ? values("peerIds") : seed.members.map((m) => m.peerId);
  const member = (peerId: string) => seed.members.find((m) => m.peerId === peerId);
  // Only peers who can go on the chosen date are offered (registered that day, not withdrawn, not
  // paused from today on: the rule the server checks); one already on this dispatch stays, marked.
  const typedDate = parseJapaneseDate(dateText ?? v("date", dateInputValue(seed.date)));
  const dateIso = typedDate.ok ? typedDate.iso : null;
  const canGo = (p: PeerOption) => dateIso === null || availableOn(p.availability, dateIso, props.today);
  const shownPeers = props.peers.filter((p) => canGo(p) || checkedPeers.includes(p.id));
  const hiddenPeers = props.peers.length - shownPeers.length;

  const [kind, setKind] = useState<DestinationKind>(seed.destinationKind);
  // After a failed save the form shows what was sent, the destination kind included.
  const [kindFromState, setKindFromState] = useState(state);
  if (kindFromState !== state) {
    setKindFromState(state);
    const sent = !state.ok ? state.values?.destinationKind : undefined;
    if (typeof sent === "string" && sent in DESTINATION_KIND_LABELS) setKind(sent as DestinationKind);
  }
  const shownKind = kind;

  function applySeed(next: DispatchSeed) {
    setSeed(next);
    setDateText(null);
    setKind(next.destinationKind);
    setSeedState(state);
    setGeneration((g) => g + 1);
  }

  function copyPrevious() {
    if (props.mode !== "create" || !props.previous) return;
    // Everything but the date (the new dispatch is on another day) and the report.
    const date = (formRef.current?.elements.namedItem("date") as HTMLInputElement | null)?.value ?? dateInputValue(props.defaults.date);
    applySeed({ ...props.previous, date: date.replaceAll("/", "-"), status: seed.status, report: null, caseId: null });
    setCopied(true);
    requestAnimationFrame(() => document.getElementById(DATE_ID)?.focus());
  }

  // Hours follow the times: ticking a peer, or finishing the times, fills the empty hours of the
  // ticked peers (never overwriting what was typed).
  function fillHours(only?: string) {
    const form = formRef.current;
    if (!form) return;
    const start = (form.elements.namedItem("startTime") as HTMLInputElement | null)?.value ?? "";
    const end = (form.elements.namedItem("endTime") as HTMLInputElement | null)?.value ?? "";
    const hours = hoursBetween(start, end);
    if (hours === null) return;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="peerIds"]:checked')) {
      if (only && box.value !== only) continue;
      const input = form.elements.namedItem(`hours:${box.value}`) as HTMLInputElement | null;
      if (input && !input.value) input.value = String(hours);
    }
  }
  function onPeerToggle(peerId: string, checked: boolean) {
    if (checked) fillHours(peerId);
  }

  const createdId = props.mode === "create" && state.ok ? (state as DispatchCreateState).createdId : undefined;
  const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  const peersLegendId = useId();

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={enterSubmits}
      onBlurCapture={(e) => {
        const name = e.target instanceof HTMLInputElement ? e.target.name : "";
        if (name === "startTime" || name === "endTime") fillHours();
      }}
      className="space-y-5"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="space-y-2 outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
        {createdId && (
          <FormMessage tone="success">
            {t("dispatches.form.saved")}{" "}
            <Link href={`/peers/dispatches/${createdId}`} className={clsx("rounded-sm font-medium underline underline-offset-2", focusRing)}>
              {t("dispatches.form.openSaved")}
            </Link>
          </FormMessage>
        )}
      </div>
      {props.mode === "create" && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-brand-200 bg-brand-50/40 px-4 py-3">
          <p id="dispatch-quick-hint" className="min-w-0 flex-1 text-sm text-slate-700">
            {t("dispatches.form.quickHint")}
          </p>
          {props.previous ? (
            <Button variant="secondary" size="sm" onClick={copyPrevious} aria-describedby="dispatch-copy-note">
              {t("dispatches.form.copyPrevious")}
            </Button>
          ) : (
            <span className="text-sm text-slate-600">{t("dispatches.form.noPrevious")}</span>
          )}
          <p id="dispatch-copy-note" className="sr-only" aria-live="polite">
            {copied && props.previous ? t("dispatches.form.copied", { date: props.previous.date }) : ""}
          </p>
        </div>
      )}
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
          <input type="hidden" name="base" value={props.base} />
        </>
      )}

      <div key={generation} className="space-y-5">
        <fieldset
          className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
          onChange={(e) => {
            const input = e.target;
            if (input instanceof HTMLInputElement && input.name === "date") setDateText(input.value);
          }}
        >
          <legend className="text-base font-semibold text-slate-900">{t("dispatches.form.when")}</legend>
          <TextField
            id={DATE_ID}
            label={t("dispatches.fields.date")}
            name="date"
            required
            autoFocus
            hint={t("dispatches.form.dateHint")}
            defaultValue={v("date", dateInputValue(seed.date))}
            error={errors.date}
          />
          <TextField id="dispatch-start" label={t("dispatches.fields.startTime")} name="startTime" inputMode="numeric" placeholder="13:30" defaultValue={v("startTime", seed.startTime ?? "")} error={errors.startTime} />
          <TextField id="dispatch-end" label={t("dispatches.fields.endTime")} name="endTime" inputMode="numeric" placeholder="15:00" defaultValue={v("endTime", seed.endTime ?? "")} error={errors.endTime} />
          {props.mode === "create" ? (
            <SelectField
              id="dispatch-status"
              label={t("dispatches.fields.status")}
              name="status"
              required
              hint={t("dispatches.form.statusHint")}
              options={DISPATCH_CREATE_STATUSES.map((s) => ({ value: s, label: DISPATCH_STATUS_LABELS[s][locale] }))}
              defaultValue={v("status", seed.status ?? "done")}
              error={errors.status}
            />
          ) : (
            <input type="hidden" name="officeId" value={props.office.id} />
          )}
        </fieldset>

        <fieldset className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
          <legend className="text-base font-semibold text-slate-900">{t("dispatches.form.where")}</legend>
          {props.mode === "create" ? (
            props.offices.length > 1 ? (
              <div className="space-y-1.5">
                <label htmlFor="dispatch-office" className="text-sm font-medium text-slate-800">
                  {t("dispatches.fields.office")}
                </label>
                <select
                  id="dispatch-office"
                  name="officeId"
                  defaultValue={props.office.id}
                  aria-describedby="dispatch-office-hint"
                  // The peers and cases belong to the office: switching reloads them.
                  onChange={(e) => router.replace(`/peers/dispatches/new?officeId=${encodeURIComponent(e.target.value)}`)}
                  className={clsx(inputClass, "border-slate-500 pr-8")}
                >
                  {props.offices.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <p id="dispatch-office-hint" className="text-sm text-slate-600">
                  {t("dispatches.form.officeHint")}
                </p>
              </div>
            ) : (
              <div className="space-y-1.5">
                <p className="text-sm font-medium text-slate-800">{t("dispatches.fields.office")}</p>
                <p className="py-2 text-sm text-slate-900">{props.office.name}</p>
                <input type="hidden" name="officeId" value={props.office.id} />
              </div>
            )
          ) : (
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-slate-800">{t("dispatches.fields.office")}</p>
              <p className="py-2 text-sm text-slate-900">{props.office.name}</p>
            </div>
          )}
          <SelectField
            id="dispatch-purpose"
            label={t("dispatches.fields.purpose")}
            name="purpose"
            required
            placeholder={t("dispatches.form.choose")}
            options={codeOptions(PEER_PURPOSE_LABELS, locale)}
            defaultValue={v("purpose", seed.purpose)}
            error={errors.purpose}
          />
          <div className="space-y-1.5">
            <label htmlFor="dispatch-kind" className="text-sm font-medium text-slate-800">
              {t("dispatches.fields.destinationKind")}
            </label>
            <select
              id="dispatch-kind"
              name="destinationKind"
              value={shownKind}
              onChange={(e) => setKind(e.target.value as DestinationKind)}
              className={clsx(inputClass, "border-slate-500 pr-8")}
            >
              {codeOptions(DESTINATION_KIND_LABELS, locale).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {shownKind === "hospital" ? (
            <SelectField
              id="dispatch-hospital"
              label={t("dispatches.fields.hospitalId")}
              name="hospitalId"
              required
              placeholder={t("dispatches.form.choose")}
              options={props.hospitals.map((h) => ({ value: h.id, label: h.name }))}
              defaultValue={v("hospitalId", seed.hospitalId ?? "")}
              error={errors.hospitalId}
            />
          ) : (
            <>
              <input type="hidden" name="hospitalId" value="" />
              <TextField id="dispatch-place" label={t("dispatches.fields.destinationName")} name="destinationName" required textKind="title" defaultValue={v("destinationName", seed.destinationName ?? "")} error={errors.destinationName} />
            </>
          )}
          {shownKind === "hospital" && <input type="hidden" name="destinationName" value="" />}
          <div className="sm:col-span-2">
            <TextField id="dispatch-requester" label={t("dispatches.fields.requestingOrg")} name="requestingOrg" textKind="title" defaultValue={v("requestingOrg", seed.requestingOrg ?? "")} error={errors.requestingOrg} />
          </div>
          <TextField id="dispatch-audience" label={t("dispatches.fields.audienceCount")} name="audienceCount" inputMode="numeric" hint={t("dispatches.form.audienceHint")} defaultValue={v("audienceCount", str(seed.audienceCount))} error={errors.audienceCount} />
          <SelectField
            id="dispatch-case"
            label={t("dispatches.fields.caseId")}
            name="caseId"
            hint={t("dispatches.form.caseHint")}
            placeholder={t("dispatches.form.noCase")}
            options={props.cases.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.name}` }))}
            defaultValue={v("caseId", seed.caseId ?? "")}
            error={errors.caseId}
          />
        </fieldset>

        <fieldset aria-describedby={errors.peerIds ? "dispatch-peers-error" : undefined} className="space-y-3 rounded-md border border-slate-300 bg-white p-5 shadow-sm">
          <legend id={peersLegendId} className="text-base font-semibold text-slate-900">
            {t("dispatches.form.peers")}
          </legend>
          <p className="text-sm text-slate-700">{t("dispatches.form.peersHint")}</p>
          {errors.peerIds && (
            <p id="dispatch-peers-error" className="text-sm font-medium text-red-700" role="alert">
              {errors.peerIds}
            </p>
          )}
          {props.peers.length === 0 ? (
            <p className="text-sm text-slate-700">
              {t("dispatches.form.noPeers")}{" "}
              <Link href="/peers/new" className={clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2", focusRing)}>
                {t("peers.register")}
              </Link>
            </p>
          ) : (
            <div className="overflow-x-auto">
              <p className="mb-2 text-sm text-slate-700" aria-live="polite">
                {hiddenPeers > 0 ? t("dispatches.form.peersHidden", { n: hiddenPeers }) : ""}
              </p>
              <table className="w-full min-w-[36rem] text-left text-sm">
                <caption className="sr-only">{t("dispatches.form.peers")}</caption>
                <thead className="border-b border-slate-300 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-3 font-medium">{t("dispatches.form.peer")}</th>
                    <th scope="col" className="w-24 py-2 pr-3 font-medium">{t("dispatches.fields.hours")}</th>
                    <th scope="col" className="w-28 py-2 pr-3 font-medium">{t("dispatches.fields.honorariumYen")}</th>
                    <th scope="col" className="w-28 py-2 font-medium">{t("dispatches.fields.travelYen")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shownPeers.map((p) => {
                    const m = member(p.id);
                    const checkId = `peer-${p.id}`;
                    const cell = (prefix: "hours" | "honorarium" | "travel", stored: number | null | undefined, label: string) => {
                      const name = `${prefix}:${p.id}`;
                      const error = errors[name];
                      return (
                        <td className="py-1.5 pr-3 align-top">
                          <input
                            name={name}
                            aria-label={`${label}（${p.displayCode}）`}
                            inputMode="decimal"
                            defaultValue={v(name, str(stored))}
                            aria-invalid={!!error}
                            aria-describedby={error ? `${name}-error` : undefined}
                            className={clsx(inputClass, error ? "border-red-700" : "border-slate-500", "py-1.5")}
                          />
                          {error && (
                            <p id={`${name}-error`} className="mt-1 text-xs font-medium text-red-700">
                              {error}
                            </p>
                          )}
                        </td>
                      );
                    };
                    return (
                      <tr key={p.id} className="border-b border-slate-200 last:border-0">
                        <td className="py-1.5 pr-3">
                          <div className="flex items-center gap-2">
                            <input
                              id={checkId}
                              type="checkbox"
                              name="peerIds"
                              value={p.id}
                              defaultChecked={checkedPeers.includes(p.id)}
                              onChange={(e) => onPeerToggle(p.id, e.target.checked)}
                              className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
                            />
                            <label htmlFor={checkId} className="flex flex-wrap items-center gap-x-2 text-slate-900">
                              <span className="font-mono text-xs text-slate-700">{p.displayCode}</span>
                              <span>{p.name}</span>
                              {p.status !== "active" && <PeerStatusBadge status={p.status} locale={locale} />}
                              {!canGo(p) && <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("dispatches.form.peerUnavailableOn")}</span>}
                            </label>
                          </div>
                        </td>
                        {cell("hours", m?.hours, t("dispatches.fields.hours"))}
                        {cell("honorarium", m?.honorariumYen, t("dispatches.fields.honorariumYen"))}
                        {cell("travel", m?.travelYen, t("dispatches.fields.travelYen"))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </fieldset>

        <TextAreaField id="dispatch-report" label={t("dispatches.fields.report")} name="report" rows={3} textKind="note" hint={t("dispatches.form.reportHint")} defaultValue={v("report", seed.report ?? "")} error={errors.report} />
      </div>

      {asksRestatementReason(state) && <RestatementReasonField state={state} id="dispatch-restatement-reason" />}

      <div className="flex flex-wrap items-center justify-end gap-3">
        <SubmitButton>{t(props.mode === "create" ? "dispatches.form.create" : "dispatches.form.save")}</SubmitButton>
      </div>
    </form>
  );
}
