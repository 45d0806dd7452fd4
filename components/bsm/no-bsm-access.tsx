import { EmptyState } from "@/components/ui/empty-state";

export function NoBsmAccess() {
  return <EmptyState>Your role does not have BSM access, so this view is closed to you.</EmptyState>;
}
