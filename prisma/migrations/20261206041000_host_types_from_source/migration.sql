-- Host types now come from the templates the source reports, each starting ON. The two types the
-- fixed list made NA keep that state as a stored choice, so an existing estate reflects as before.
INSERT INTO "HostTypeExportSetting" ("hostType", "state", "updatedAt")
VALUES ('Queue', 'NA', CURRENT_TIMESTAMP), ('Application - Opsview', 'NA', CURRENT_TIMESTAMP)
ON CONFLICT ("hostType") DO NOTHING;
