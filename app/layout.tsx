import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "@/components/providers";
import { getSessionPreferences } from "@/lib/auth/session";

export const metadata: Metadata = {
  title: { default: "BSM Dashboard", template: "%s · BSM Dashboard" },
  description: "Business Service Monitoring: are the website and the payment API up?",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const preferences = await getSessionPreferences();
  // data-theme is in the first byte of HTML, so the page paints in the user's theme (globals.css).
  return (
    <html lang="en" data-theme={preferences.theme}>
      <body className="min-h-screen bg-slate-100 font-sans text-slate-900 antialiased">
        <Providers preferences={preferences}>{children}</Providers>
      </body>
    </html>
  );
}
