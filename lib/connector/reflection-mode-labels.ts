import type { ReflectionMode } from "../reflect/types";

export const REFLECTION_MODE_LABELS: Record<ReflectionMode, string> = {
  MANUAL: "Manual",
  SEMI_AUTOMATIC: "Semi-Automatic",
  AUTOMATIC: "Automatic",
};
