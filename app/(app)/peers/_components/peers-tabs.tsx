import { TabNav } from "@/components/ui/tab-nav";
import type { Translate } from "@/lib/i18n/translate";

/** The two halves of the peer section: the registry and the dispatches. */
export function PeersTabs({ current, t }: { current: "registry" | "dispatches"; t: Translate }) {
  return (
    <TabNav
      label={t("peers.tabs.label")}
      current={current}
      tabs={[
        { key: "registry", href: "/peers", label: t("peers.tabs.registry") },
        { key: "dispatches", href: "/peers/dispatches", label: t("peers.tabs.dispatches") },
      ]}
    />
  );
}
