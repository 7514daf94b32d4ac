import type { ReactNode } from "react";
import { ActivitiesNav } from "@/components/activities/activities-nav";
import { requirePermission } from "@/lib/dal/session";

/** Every page of the section needs read:activity:reach; admins (and anyone else) get the 404. */
export default async function ActivitiesLayout({ children }: { children: ReactNode }) {
  await requirePermission("read:activity:reach");
  return (
    <div>
      <ActivitiesNav />
      {children}
    </div>
  );
}
