import { PageSkeleton } from "@/components/ui/page-skeleton";

// In the (home) group so that it covers only the dashboard: a loading boundary starts the response
// (status 200) before its page runs, so pages that answer 403 or 404 must not sit under one.
export default function DashboardLoading() {
  return <PageSkeleton blocks={4} />;
}
