import type { z } from "zod";
import { icingaApiSettingsSchema } from "../sources/icinga-api/settings";
import { icingaIdoSettingsSchema } from "../sources/ido/settings";
import { opsviewDatabaseSettingsSchema } from "../sources/opsview-db/settings";
import { opsviewRestSettingsSchema } from "../sources/opsview-rest/settings";
import { simulatedSourceSettings } from "../sources/simulated/settings";
import type { SettingsSourceKind } from "./source-kinds";

/** The source's own schema validates what the form saves, so the UI and BSM_SOURCE_SETTINGS agree. */
export const SOURCE_SCHEMAS: Record<SettingsSourceKind, z.ZodType<Record<string, unknown>>> = {
  simulated: simulatedSourceSettings,
  "opsview-db": opsviewDatabaseSettingsSchema,
  "opsview-rest": opsviewRestSettingsSchema,
  "icinga-api": icingaApiSettingsSchema,
  "icinga-ido": icingaIdoSettingsSchema,
};
