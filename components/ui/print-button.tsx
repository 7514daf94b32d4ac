"use client";
import { Button } from "@/components/ui/button";

/**
 * Opens the browser's print dialog (the page's print stylesheet lays it out on A4). Like every
 * button it is left off the paper.
 */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
