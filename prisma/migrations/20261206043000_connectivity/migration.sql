-- Connectivity (docs/connector-rules.md §9): the monitoring source has an input interface per host
-- element, a host element an output interface per component it is in, a component an output
-- interface per business service it is in; each interface carries one connection to that object.
-- Triggers keep both tables in step with host elements and memberships in the same transaction as
-- the change, whichever code makes it, so there is never an orphan interface nor a missing one.
CREATE TYPE "InterfaceDirection" AS ENUM ('INPUT', 'OUTPUT');

CREATE TABLE "ConnectivityInterface" (
    "id" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "direction" "InterfaceDirection" NOT NULL,
    "name" TEXT NOT NULL,
    "peer" TEXT NOT NULL,

    CONSTRAINT "ConnectivityInterface_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ConnectivityInterface_element_idx" ON "ConnectivityInterface"("element");
CREATE INDEX "ConnectivityInterface_peer_idx" ON "ConnectivityInterface"("peer");

CREATE TABLE "ConnectivityConnection" (
    "interfaceId" TEXT NOT NULL,
    "fromElement" TEXT NOT NULL,
    "toElement" TEXT NOT NULL,

    CONSTRAINT "ConnectivityConnection_pkey" PRIMARY KEY ("interfaceId")
);
CREATE INDEX "ConnectivityConnection_fromElement_idx" ON "ConnectivityConnection"("fromElement");
CREATE INDEX "ConnectivityConnection_toElement_idx" ON "ConnectivityConnection"("toElement");
ALTER TABLE "ConnectivityConnection" ADD CONSTRAINT "ConnectivityConnection_interfaceId_fkey"
  FOREIGN KEY ("interfaceId") REFERENCES "ConnectivityInterface"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "connectivity_add"(element TEXT, direction "InterfaceDirection", name TEXT, peer TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ConnectivityInterface" ("id", "element", "direction", "name", "peer")
  VALUES (element || '>' || peer, element, direction, name, peer)
  ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name";
  INSERT INTO "ConnectivityConnection" ("interfaceId", "fromElement", "toElement")
  VALUES (element || '>' || peer, element, peer)
  ON CONFLICT ("interfaceId") DO NOTHING;
END;
$$;

CREATE FUNCTION "connectivity_host_element"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "ConnectivityInterface" WHERE "element" = 'host:' || OLD."host" OR "peer" = 'host:' || OLD."host";
    RETURN NULL;
  END IF;
  PERFORM "connectivity_add"('source', 'INPUT', NEW."host", 'host:' || NEW."host");
  PERFORM "connectivity_add"('host:' || NEW."host", 'OUTPUT', c."name", 'component:' || c."id")
    FROM "Host" h JOIN "ComponentHost" ch ON ch."hostId" = h."id" JOIN "Component" c ON c."id" = ch."componentId"
    WHERE h."name" = NEW."host";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "HostElement_connectivity" AFTER INSERT OR DELETE ON "HostElement"
  FOR EACH ROW EXECUTE FUNCTION "connectivity_host_element"();

CREATE FUNCTION "connectivity_component_host"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM "ConnectivityInterface"
      WHERE "peer" = 'component:' || OLD."componentId"
        AND "element" IN (SELECT 'host:' || h."name" FROM "Host" h WHERE h."id" = OLD."hostId");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "connectivity_add"('host:' || h."name", 'OUTPUT', c."name", 'component:' || c."id")
      FROM "Host" h JOIN "HostElement" e ON e."host" = h."name" JOIN "Component" c ON c."id" = NEW."componentId"
      WHERE h."id" = NEW."hostId";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ComponentHost_connectivity" AFTER INSERT OR DELETE ON "ComponentHost"
  FOR EACH ROW EXECUTE FUNCTION "connectivity_component_host"();
CREATE TRIGGER "ComponentHost_connectivity_moved" AFTER UPDATE OF "hostId", "componentId" ON "ComponentHost"
  FOR EACH ROW EXECUTE FUNCTION "connectivity_component_host"();

CREATE FUNCTION "connectivity_service_component"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM "ConnectivityInterface" WHERE "id" = 'component:' || OLD."componentId" || '>service:' || OLD."businessServiceId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "connectivity_add"('component:' || NEW."componentId", 'OUTPUT', s."name", 'service:' || s."id")
      FROM "BusinessService" s WHERE s."id" = NEW."businessServiceId";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "BusinessServiceComponent_connectivity" AFTER INSERT OR DELETE ON "BusinessServiceComponent"
  FOR EACH ROW EXECUTE FUNCTION "connectivity_service_component"();
CREATE TRIGGER "BusinessServiceComponent_connectivity_moved" AFTER UPDATE OF "componentId", "businessServiceId" ON "BusinessServiceComponent"
  FOR EACH ROW EXECUTE FUNCTION "connectivity_service_component"();

-- Renames carry into interface names; deleting a host, component or service takes its interfaces
-- along even where its memberships go by cascade (the host's name is gone by then).
CREATE FUNCTION "connectivity_object"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  key TEXT;
BEGIN
  IF TG_TABLE_NAME = 'Host' THEN
    IF TG_OP = 'DELETE' THEN
      DELETE FROM "ConnectivityInterface" WHERE "element" = 'host:' || OLD."name" AND "direction" = 'OUTPUT';
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    key := CASE TG_TABLE_NAME WHEN 'Component' THEN 'component:' ELSE 'service:' END || OLD."id";
    DELETE FROM "ConnectivityInterface" WHERE "element" = key OR "peer" = key;
  ELSE
    key := CASE TG_TABLE_NAME WHEN 'Component' THEN 'component:' ELSE 'service:' END || NEW."id";
    UPDATE "ConnectivityInterface" SET "name" = NEW."name" WHERE "peer" = key AND "name" IS DISTINCT FROM NEW."name";
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Host_connectivity" AFTER DELETE ON "Host" FOR EACH ROW EXECUTE FUNCTION "connectivity_object"();
CREATE TRIGGER "Component_connectivity" AFTER UPDATE OF "name" OR DELETE ON "Component" FOR EACH ROW EXECUTE FUNCTION "connectivity_object"();
CREATE TRIGGER "BusinessService_connectivity" AFTER UPDATE OF "name" OR DELETE ON "BusinessService" FOR EACH ROW EXECUTE FUNCTION "connectivity_object"();

-- What exists already.
SELECT "connectivity_add"('source', 'INPUT', e."host", 'host:' || e."host") FROM "HostElement" e;
SELECT "connectivity_add"('host:' || h."name", 'OUTPUT', c."name", 'component:' || c."id")
  FROM "HostElement" e JOIN "Host" h ON h."name" = e."host" JOIN "ComponentHost" ch ON ch."hostId" = h."id" JOIN "Component" c ON c."id" = ch."componentId";
SELECT "connectivity_add"('component:' || bsc."componentId", 'OUTPUT', s."name", 'service:' || s."id")
  FROM "BusinessServiceComponent" bsc JOIN "BusinessService" s ON s."id" = bsc."businessServiceId";
