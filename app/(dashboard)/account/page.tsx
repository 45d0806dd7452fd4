import type { Metadata } from "next";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { ApiTokens } from "@/components/admin/api-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PreferencesForm } from "@/components/account/preferences-form";
import { selectableTimeZones } from "@/lib/users/preferences";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(getPrisma(), user.id);
  return (
    <>
      <PageHeader title="Account">
        Your theme and time zone, your password, and personal API tokens for the REST API (<a className="underline" href="/api/openapi.json">/api/openapi.json</a>). A token acts as you, with your permissions; a read-only token may only read, and a token may expire.
      </PageHeader>
      <PreferencesForm zones={selectableTimeZones()} />
      <ChangePasswordForm />
      <ApiTokens
        tokens={tokens.map((token) => ({
          ...token,
          createdAt: token.createdAt.getTime(),
          lastUsedAt: token.lastUsedAt?.getTime() ?? null,
          expiresAt: token.expiresAt?.getTime() ?? null,
        }))}
      />
    </>
  );
}
