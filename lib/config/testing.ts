import type { PrismaClient } from "@prisma/client";

/**
 * A small estate for configuration tests: template Web on web-eu-1, web-eu-2 (keyword eu) and
 * web-us-1 (keyword us); template Db on db-eu-1 (keyword eu).
 */
export async function seedSmallEstate(prisma: PrismaClient) {
  const web = await prisma.hostTemplate.create({ data: { name: "Web" } });
  const db = await prisma.hostTemplate.create({ data: { name: "Db" } });
  const unused = await prisma.hostTemplate.create({ data: { name: "Unused" } });
  const host = async (name: string, templateId: number, keyword: string) =>
    prisma.host.create({
      data: { name, hostGroups: [`Group ${keyword}`], keywords: [keyword], templates: { create: { hostTemplateId: templateId, priority: 0 } } },
    });
  const hosts = {
    webEu1: await host("web-eu-1", web.id, "eu"),
    webEu2: await host("web-eu-2", web.id, "eu"),
    webUs1: await host("web-us-1", web.id, "us"),
    dbEu1: await host("db-eu-1", db.id, "eu"),
  };
  return { templates: { web, db, unused }, hosts };
}
