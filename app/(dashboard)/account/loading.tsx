import { PageSkeleton } from "@/components/ui/page-skeleton";

// The account page refuses no one, so it may stream (see app/(dashboard)/(home)/loading.tsx).
export default function AccountLoading() {
  return <PageSkeleton blocks={2} />;
}
