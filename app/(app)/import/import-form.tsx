"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";
import type { ImportType } from "@/lib/import/kinds";

/** What /api/v1/import/<type> answers (lib/import/routes.ts). */
type Answer = {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  committed: boolean;
  errors: { row: number; column: string; value: string; message: string }[];
};

type Phase = { step: "idle" } | { step: "uploading"; percent: number } | { step: "checking" } | { step: "done"; mode: "preview" | "commit"; answer: Answer } | { step: "failed"; message: string };

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The upload: 確認する (preview) first, then 取り込む (commit) once the same file checked clean.
 * XMLHttpRequest rather than fetch, for the upload's progress; while the server checks the rows
 * an indeterminate bar says so. The answer's problems are listed by row and column.
 */
export function ImportForm({ type }: { type: ImportType }) {
  const { t } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const busy = phase.step === "uploading" || phase.step === "checking";

  function send(mode: "preview" | "commit") {
    const file = fileRef.current?.files?.[0];
    if (!file) return setPhase({ step: "failed", message: t("import.noFile") });
    if (file.size > MAX_BYTES) return setPhase({ step: "failed", message: t("import.tooLarge") });
    const body = new FormData();
    body.set("file", file);
    body.set("restatementReason", reasonRef.current?.value ?? "");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/import/${type}?mode=${mode}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      setPhase(percent >= 100 ? { step: "checking" } : { step: "uploading", percent });
    };
    xhr.upload.onload = () => setPhase({ step: "checking" });
    xhr.onerror = () => setPhase({ step: "failed", message: t("import.failed") });
    xhr.onload = () => {
      const answer = xhr.response as (Partial<Answer> & { message?: string }) | null;
      if (answer && Array.isArray(answer.errors)) {
        setPhase({ step: "done", mode, answer: answer as Answer });
        setCheckedFile(mode === "preview" && answer.errors.length === 0 ? file : null);
      } else {
        setPhase({ step: "failed", message: answer?.message ?? t("import.failed") });
        setCheckedFile(null);
      }
    };
    setPhase({ step: "uploading", percent: 0 });
    xhr.send(body);
  }

  return (
    <section aria-labelledby="import-upload-heading" className="space-y-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm">
      <h2 id="import-upload-heading" className="text-base font-semibold text-slate-900">
        {t("import.uploadHeading")}
      </h2>
      <div className="space-y-1">
        <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
          {t("import.fileLabel")}
        </label>
        <input
          id="import-file"
          ref={fileRef}
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={inputClass}
          onChange={() => {
            setCheckedFile(null);
            setPhase({ step: "idle" });
          }}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="import-reason" className="text-sm font-medium text-slate-800">
          {t("import.reason")}
        </label>
        <p id="import-reason-hint" className="text-sm text-slate-600">
          {t("import.reasonHint")}
        </p>
        <input id="import-reason" ref={reasonRef} name="restatementReason" maxLength={500} aria-describedby="import-reason-hint" className={inputClass} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={busy} onClick={() => send("preview")}>
          {t("import.preview")}
        </Button>
        <Button disabled={busy || !checkedFile} onClick={() => send("commit")}>
          {t("import.commit")}
        </Button>
      </div>
      <div aria-live="polite" className="space-y-3">
        {phase.step === "uploading" && (
          <div className="space-y-1">
            <p className="text-sm text-slate-700">{t("import.uploading", { percent: phase.percent })}</p>
            <progress className="h-2 w-full" max={100} value={phase.percent} aria-label={t("import.uploading", { percent: phase.percent })} />
          </div>
        )}
        {phase.step === "checking" && (
          <div className="space-y-1">
            <p className="text-sm text-slate-700">{t("import.checking")}</p>
            <progress className="h-2 w-full" aria-label={t("import.checking")} />
          </div>
        )}
        {phase.step === "failed" && <p className="text-sm font-medium text-red-700">{phase.message}</p>}
        {phase.step === "done" && <Result mode={phase.mode} answer={phase.answer} />}
      </div>
    </section>
  );
}

function Result({ mode, answer }: { mode: "preview" | "commit"; answer: Answer }) {
  const { t } = useI18n();
  const counts = { rows: answer.rows, create: answer.create, update: answer.update, unchanged: answer.unchanged };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">{t("import.summary", counts)}</p>
      {answer.errors.length === 0 ? (
        <p className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900">{mode === "commit" && answer.committed ? t("import.committed", counts) : t("import.previewOk")}</p>
      ) : (
        <>
          <p className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">{t("import.hasErrors", { count: answer.errors.length })}</p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("import.errorsCaption")}</caption>
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="px-2 py-1">{t("import.column.row")}</th>
                  <th scope="col" className="px-2 py-1">{t("import.column.column")}</th>
                  <th scope="col" className="px-2 py-1">{t("import.column.value")}</th>
                  <th scope="col" className="px-2 py-1">{t("import.column.message")}</th>
                </tr>
              </thead>
              <tbody>
                {answer.errors.map((e, i) => (
                  <tr key={i} className="border-b border-slate-200 align-top">
                    <td className="px-2 py-1 tabular-nums">{e.row === 0 ? t("import.wholeFile") : e.row}</td>
                    <td className="px-2 py-1">{e.column}</td>
                    <td className="px-2 py-1 break-all">{e.value}</td>
                    <td className="px-2 py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
