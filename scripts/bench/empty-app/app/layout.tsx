import type { ReactNode } from "react";

/** The page floor's root layout (scripts/bench/page-floor.ts): the document and nothing else. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
