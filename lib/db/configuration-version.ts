/**
 * The configuration version: one counter that statement triggers raise on any change to
 * components, business services or their memberships (migration 20261129225306). Whoever keeps
 * the configuration in memory reads it first and reloads when it has moved.
 */
export const READ_CONFIGURATION_VERSION = `SELECT "version"::text AS version FROM "ConfigurationVersion" WHERE "id" = 1`;
