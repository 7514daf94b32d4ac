import { NotFoundContent } from "@/components/shell/not-found-content";

/** Unknown URLs, outside the signed-in shell (which brings its own <main>). */
export default function NotFound() {
  return (
    <main id="main">
      <NotFoundContent />
    </main>
  );
}
