import "server-only";
import { NextResponse } from "next/server";
import { apiError, withActor } from "@/lib/api/handler";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./file";
import type { ImportType } from "./kinds";
import { uploadRefusal } from "./upload-limits";
import { columnsOf, requireImporter, runImport } from "./run";
import { headerNames, japaneseHeader } from "./template";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { translateKey } from "@/lib/validation/message-vars";

/*
 * The import API (ADR 0043). Not behind proxy.ts (its matcher leaves /api/v1/import/ out: the
 * proxy would cut a large body at proxyClientMaxBodySize without an error), so this handler
 * authenticates itself (withActor) and answers `no-store`.
 */

const NO_STORE = { "Cache-Control": "no-store" };

/** The handlers of /api/v1/import/<type>, one route file per type (the route table lists each). */
export function importRoutes(type: ImportType) {
  return { GET: describeRoute(type), POST: importRoute(type) };
}

/** GET /api/v1/import/<type>: what the file may hold (columns, required ones, limits). */
function describeRoute(type: ImportType) {
  return withActor(async (_request, actor) => {
    requireImporter(actor, type);
    const columns = columnsOf(type).map((c) => ({ field: c.field, header: japaneseHeader(c), required: !!c.required }));
    return NextResponse.json({ type, columns, maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS }, { headers: NO_STORE });
  });
}

/**
 * POST /api/v1/import/<type>?mode=preview|commit, multipart with `file` (and `restatementReason`):
 * `{ rows, create, update, unchanged, committed, errors: [{ row, column, value, message }] }` in the
 * user's language. A commit with any error writes nothing and answers 422; a body over 10 MB is
 * refused by its Content-Length before a byte is read (413).
 */
function importRoute(type: ImportType) {
  const authenticated = withActor(async (request, actor) => {
    requireImporter(actor, type);
    const mode = new URL(request.url).searchParams.get("mode");
    if (mode !== "preview" && mode !== "commit") return apiError(400, "bad_parameter", "import.badMode");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return apiError(400, "bad_body", "import.noFile");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return apiError(400, "no_file", file instanceof File ? "import.file.empty" : "import.noFile");
    if (file.size > MAX_IMPORT_BYTES) return apiError(413, "too_large", "import.tooLarge");
    const reason = form.get("restatementReason");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const t = await getT();
    const result = await runImport(actor, type, bytes, {
      mode,
      fileName: file.name,
      restatementReason: typeof reason === "string" && reason.trim() ? reason.trim() : undefined,
      headerNames,
      reasonLabel: t("import.reason"),
    });
    if (!result.ok && result.reason === "throttled") {
      return NextResponse.json(
        { error: "throttled", message: t("import.throttled", { limit: result.limit }) },
        { status: 429, headers: { ...NO_STORE, "Retry-After": "3600" } },
      );
    }
    if (!result.ok) {
      const message = t(`import.file.${result.problem}` as MessageKey, { limit: result.limit ?? MAX_IMPORT_ROWS });
      return NextResponse.json(
        { error: "bad_file", message, rows: 0, create: 0, update: 0, unchanged: 0, committed: false, errors: [{ row: 0, column: "", value: "", message }] },
        { status: result.problem === "tooManyRows" ? 413 : 400, headers: NO_STORE },
      );
    }
    const body = {
      rows: result.rows,
      create: result.create,
      update: result.update,
      unchanged: result.unchanged,
      committed: result.committed,
      errors: result.errors.map((e) => ({ row: e.row, column: e.column, value: e.value, message: translateKey(t, e.messageKey) })),
    };
    return NextResponse.json(body, { status: mode === "commit" && !result.committed ? 422 : 200, headers: NO_STORE });
  });
  // The size is checked first, from the headers alone: an oversized body is never read, signed in or not.
  return async (request: Request): Promise<Response> => {
    const refusal = uploadRefusal(request.headers);
    if (refusal) return apiError(refusal.status, refusal.error, refusal.messageKey);
    return authenticated(request);
  };
}
