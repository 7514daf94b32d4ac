// Runs in the browser before the app's own code (Next.js): see lib/validation/zod-browser.ts.
import "@/lib/validation/zod-browser";
