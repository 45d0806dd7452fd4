import type { ReactNode } from "react";
import { ConfigureNoticeProvider } from "@/components/configure/configure-notice";

export default function ConfigureLayout({ children }: { children: ReactNode }) {
  return <ConfigureNoticeProvider>{children}</ConfigureNoticeProvider>;
}
