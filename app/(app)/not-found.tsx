import { NotFoundContent } from "@/components/shell/not-found-content";

/** notFound() inside the signed-in shell: the layout already provides <main id="main">. */
export default function NotFound() {
  return <NotFoundContent />;
}
