import type { HeadingStatus } from "@/components/status/status-heading";
import { BsmObjectMenu, type MenuLink } from "./bsm-object-menu";
import { describeStatus } from "./status-marks";

/** A BSM object's name as the button of its menu, for a StatusHeading; the button reads out the status too. */
export function ObjectNameMenu({
  kind,
  name,
  status,
  links,
  className,
}: {
  kind: "Business service" | "Component";
  name: string;
  status: HeadingStatus;
  links: MenuLink[];
  className: string;
}) {
  return (
    <div className="w-fit">
      <BsmObjectMenu label={`${kind} ${name}: ${describeStatus(status.state, status.acknowledged, status.impacted)}`} links={links} className={className}>
        {name}
      </BsmObjectMenu>
    </div>
  );
}
