import { type Access } from "../auth/access";

import { ForbiddenError, NotFoundError } from "../errors/app-error";
/** Editing is top down only; a service the user cannot even see is "not found", not "forbidden". */
export function requireEditableService(access: Access, serviceId: number): void {
  if (access.canEditService(serviceId)) return;
  if (access.canSeeService(serviceId)) throw new ForbiddenError("You may not edit this business service");
  throw new NotFoundError(`no business service with id ${serviceId}`);
}
