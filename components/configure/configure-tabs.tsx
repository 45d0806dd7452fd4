import Link from "next/link";

/** The configuration screens, each shown only with its permission. */
export function ConfigureTabs({ current, components, services }: { current: "components" | "services" | "membership"; components: boolean; services: boolean }) {
  const tabs = [
    { key: "components", href: "/configure/components", label: "Components", allowed: components },
    { key: "services", href: "/configure/services", label: "Business services", allowed: services },
    { key: "membership", href: "/configure/membership", label: "Membership review", allowed: components },
  ] as const;
  return (
    <nav aria-label="Configure" className="mb-6 flex gap-2 border-b border-slate-200">
      {tabs
        .filter((tab) => tab.allowed)
        .map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab.key === current ? "border-slate-900 font-medium" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        ))}
    </nav>
  );
}
