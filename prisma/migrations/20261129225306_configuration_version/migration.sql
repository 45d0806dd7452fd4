-- CreateTable
CREATE TABLE "ConfigurationVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigurationVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "ConfigurationVersion" ("id", "version") VALUES (1, 0);

-- Any change to the estate's shape raises the version (once per statement).
CREATE FUNCTION "raise_configuration_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ConfigurationVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Component_raises_configuration_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Component"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_configuration_version"();
CREATE TRIGGER "ComponentHost_raises_configuration_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ComponentHost"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_configuration_version"();
CREATE TRIGGER "BusinessService_raises_configuration_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BusinessService"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_configuration_version"();
CREATE TRIGGER "BusinessServiceComponent_raises_configuration_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "BusinessServiceComponent"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_configuration_version"();
