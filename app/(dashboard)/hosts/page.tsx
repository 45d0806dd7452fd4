import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Hosts">Host elements: the hosts reflected from the Overview table.</PageHeader>
      <EmptyState>No host elements yet. Hosts become host elements when they are reflected from the Overview table.</EmptyState>
    </>
  );
}
