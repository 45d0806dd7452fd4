// Rules: docs/notification-rules.md §8 (evaluation over time) and §11 (who receives what).
import type { Prisma, PrismaClient } from "@prisma/client";

import { createAccess, type Access } from "../../auth/access";
import { loadAccessEstate, loadGrants } from "../../auth/load-access";
import type { BsmEngine } from "../../bsm";
import type { Database } from "../../db/client";
import type { LogLine } from "../../log";
import type { KeptAvailability } from "../../poller/availability-keeper";
import type { AfterPollContext, AfterPollStep } from "../../poller/poller";
import { loadAvailability } from "../../status/availability";
import { businessServiceRef, canSeeObject, componentRef, objectRefKey, type BsmObjectRef } from "../../status/bsm-object";
import { notificationStateSchema } from "../contract";
import { createNotificationState, floorToMinute, formatMinute, stepNotificationState, type NotificationState } from "../decide";
import { htmlOfText, type Contact, type NotificationContext, type NotifiedObject } from "../environment";
import { coveredObjectsOf, readStoredProfile, PROFILE_INCLUDE, type StoredProfile } from "../profiles/profile-store";
import type { BurnFigure, NotificationDecision, ObjectState } from "../types";
import { loadBurnFigures } from "./burn-figures";
import { toMethodConfig, type DeliveryPayload } from "./delivery-payload";
import { NotificationDeliveryWorker } from "./delivery-worker";

type NotifiedObjectType = "BUSINESS_SERVICE" | "COMPONENT";

interface ObjectRef extends BsmObjectRef {
  objectType: NotifiedObjectType;
}

export interface NotificationStepOptions {
  worker?: NotificationDeliveryWorker;
  /** IANA zone for the OPSVIEW_*DATETIME variables; the server's by default. */
  timeZone?: string;
  log?: LogLine;
}

interface Recipient {
  id: string;
  name: string;
  contact: Contact;
  access: Access;
}

/** The current status of a covered object from the engine, or null when it no longer exists. */
function describeObject(engine: BsmEngine, ref: ObjectRef): { object: NotifiedObject; state: ObjectState; impacted: boolean } | null {
  if (ref.objectType === "BUSINESS_SERVICE") {
    const service = engine.getBusinessService(ref.objectKey);
    if (!service) return null;
    const config = engine.config.businessServices.find((candidate) => candidate.id === ref.objectKey);
    const subObjects = (config?.components ?? []).flatMap((id) => {
      const component = engine.getComponent(id);
      return component ? [{ name: component.name, state: component.state, impacted: component.impacted }] : [];
    });
    return { object: { type: "BSMService", id: service.id, name: service.name, notes: null, subObjects }, state: service.state, impacted: service.impacted };
  }
  const component = engine.getComponent(ref.objectKey);
  if (!component) return null;
  const subObjects = engine.listComponentHosts(component.id).map((host) => ({ name: host.host, state: host.state }));
  return { object: { type: "BSMComponent", id: component.id, name: component.name, notes: null, subObjects }, state: component.state, impacted: component.impacted };
}

/** The configured notes of the objects (plain text, as the HTML the notification contract carries); null when empty. */
async function loadNotes(prisma: PrismaClient, refs: readonly ObjectRef[]): Promise<(ref: ObjectRef) => string | null> {
  const idsOf = (type: NotifiedObjectType) => [...new Set(refs.filter((ref) => ref.objectType === type).map((ref) => Number(ref.objectKey)))].filter(Number.isInteger);
  const [services, components] = await Promise.all([
    prisma.businessService.findMany({ where: { id: { in: idsOf("BUSINESS_SERVICE") } }, select: { id: true, notes: true } }),
    prisma.component.findMany({ where: { id: { in: idsOf("COMPONENT") } }, select: { id: true, notes: true } }),
  ]);
  const notesByKey = new Map([
    ...services.map((service): [string, string] => [`BUSINESS_SERVICE|${service.id}`, service.notes]),
    ...components.map((component): [string, string] => [`COMPONENT|${component.id}`, component.notes]),
  ]);
  return (ref) => {
    const notes = notesByKey.get(`${ref.objectType}|${ref.objectKey}`) ?? "";
    return notes.trim() === "" ? null : htmlOfText(notes);
  };
}

async function loadRecipients(prisma: PrismaClient, profile: StoredProfile): Promise<Recipient[]> {
  const users = await prisma.user.findMany({
    where: profile.shared ? { roleId: { in: profile.sharedWithRoleIds } } : { id: profile.ownerId },
    select: { id: true, name: true, email: true, notificationContact: true },
    orderBy: { email: "asc" },
  });
  return Promise.all(
    users.map(async (user) => {
      const grants = await loadGrants(prisma, user.id);
      const variables = user.notificationContact?.variables;
      return {
        id: user.id,
        name: user.name,
        contact: {
          name: user.name,
          email: user.email,
          pager: user.notificationContact?.pager || null,
          variables: variables && typeof variables === "object" && !Array.isArray(variables) ? (variables as Record<string, string>) : {},
        },
        access: createAccess(grants, await loadAccessEstate(prisma, grants)),
      };
    }),
  );
}

function readState(json: Prisma.JsonValue | undefined): NotificationState {
  if (json === undefined) return createNotificationState();
  const parsed = notificationStateSchema.safeParse(json);
  return parsed.success ? parsed.data : createNotificationState();
}

interface PendingEvent {
  profile: StoredProfile;
  ref: ObjectRef;
  object: NotifiedObject;
  decision: NotificationDecision;
}

/**
 * Feeds the poll's BSM status changes, and once a minute every covered object (re-notification and
 * availability checks), through the decision logic; stores each (profile, object) state with the
 * events and queued deliveries it produced in one transaction, then lets the worker deliver them.
 */
export function createNotificationStep(database: Database, options: NotificationStepOptions = {}): AfterPollStep {
  const worker = options.worker ?? new NotificationDeliveryWorker(database, { log: options.log });
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let recovered = false;
  let lastAvailability: { minute: number; byObject: Map<string, number> } | null = null;
  let lastBurn: { minute: number; byObject: Map<string, BurnFigure[]> } | null = null;

  async function burnFiguresFor(profiles: StoredProfile[], minute: number): Promise<Map<string, BurnFigure[]>> {
    if (lastBurn?.minute !== minute) lastBurn = { minute, byObject: await loadBurnFigures(database.prisma, profiles, minute) };
    return lastBurn.byObject;
  }

  async function availabilityFor(profiles: StoredProfile[], minute: number, kept: KeptAvailability | undefined): Promise<(ref: BsmObjectRef) => number | undefined> {
    if (kept?.at === minute) return (ref) => kept.availabilityOf(ref);
    const byObject = await computedAvailability(profiles, minute);
    return (ref) => byObject.get(objectRefKey(ref));
  }

  async function computedAvailability(profiles: StoredProfile[], minute: number): Promise<Map<string, number>> {
    if (lastAvailability?.minute === minute) return lastAvailability.byObject;
    const report = await loadAvailability(database.prisma, {
      now: minute,
      scope: {
        businessServiceIds: profiles.flatMap((profile) => profile.businessServiceIds.map(String)),
        componentIds: profiles.flatMap((profile) => profile.componentIds.map(String)),
      },
    });
    const byObject = new Map<string, number>([
      ...report.businessServices.map((service): [string, number] => [objectRefKey(businessServiceRef(service.id)), service.availability]),
      ...report.components.map((component): [string, number] => [objectRefKey(componentRef(component.id)), component.availability]),
    ]);
    lastAvailability = { minute, byObject };
    return byObject;
  }

  return async function notifyAfterPoll(context: AfterPollContext): Promise<void> {
    if (!recovered) {
      await worker.recoverInterrupted();
      recovered = true;
    }
    try {
      await evaluate(context);
    } finally {
      worker.kick();
    }
  };

  async function evaluate({ now, changes, engine, availability: kept }: AfterPollContext): Promise<void> {
    const prisma = database.prisma;
    const rows = await prisma.notificationProfile.findMany({ include: PROFILE_INCLUDE, orderBy: { id: "asc" } });
    if (rows.length === 0) return;
    const profiles = rows.flatMap((row) => {
      try {
        return [readStoredProfile(row)];
      } catch (error) {
        options.log?.(`Notification profile ${row.id} is unreadable and was skipped: ${(error as Error).message}`, "warn");
        return [];
      }
    });
    const changed = new Set(changes.map(({ after }) => objectRefKey(after)));
    const minute = floorToMinute(new Date(now));
    const minuteText = formatMinute(minute);
    const stored = await prisma.notificationObjectState.findMany({ where: { profileId: { in: profiles.map((profile) => profile.id) } } });
    const storedByKey = new Map(stored.map((row) => [`${row.profileId}|${objectRefKey(row)}`, row.state]));

    const updates: { profileId: number; ref: ObjectRef; state: NotificationState }[] = [];
    const events: PendingEvent[] = [];
    let availability: ((ref: BsmObjectRef) => number | undefined) | null = null;
    let burnFigures: Map<string, BurnFigure[]> | null = null;
    for (const profile of profiles) {
      for (const ref of coveredObjectsOf(profile)) {
        const previous = readState(storedByKey.get(`${profile.id}|${objectRefKey(ref)}`));
        if (previous.evaluatedAt === minuteText && !changed.has(objectRefKey(ref))) continue;
        const current = describeObject(engine, ref);
        if (!current) continue;
        availability ??= await availabilityFor(profiles, minute, kept);
        let burn: BurnFigure[] | undefined;
        if (profile.rules.triggers.includes("burn")) {
          burnFigures ??= await burnFiguresFor(profiles, minute);
          burn = burnFigures.get(objectRefKey(ref));
        }
        const result = stepNotificationState(
          previous,
          { at: new Date(now), state: current.state, impacted: current.impacted, availability: availability(ref) ?? previous.availability, burn },
          profile.rules,
        );
        updates.push({ profileId: profile.id, ref, state: result.state });
        for (const decision of result.notifications) events.push({ profile, ref, object: current.object, decision });
      }
    }
    if (updates.length === 0) return;

    const sending = events.filter((event) => event.decision.send);
    if (sending.length > 0) {
      const notesOf = await loadNotes(prisma, sending.map((event) => event.ref));
      for (const event of sending) event.object = { ...event.object, notes: notesOf(event.ref) };
    }

    const recipients = new Map<number, Recipient[]>();
    for (const event of events) {
      if (event.decision.send && !recipients.has(event.profile.id)) recipients.set(event.profile.id, await loadRecipients(prisma, event.profile));
    }

    await prisma.$transaction(async (tx) => {
      for (const { profileId, ref, state } of updates) {
        const key = { profileId, objectType: ref.objectType, objectKey: ref.objectKey };
        const json = state as unknown as Prisma.InputJsonValue;
        await tx.notificationObjectState.upsert({
          where: { profileId_objectType_objectKey: key },
          create: { ...key, state: json, updatedAt: new Date(now) },
          update: { state: json, updatedAt: new Date(now) },
        });
      }
      for (const event of events) {
        const { decision, profile, ref, object } = event;
        await tx.notificationEvent.create({
          data: {
            profileId: profile.id,
            objectType: ref.objectType,
            objectKey: ref.objectKey,
            objectName: object.name,
            at: new Date(decision.at),
            type: decision.type,
            state: decision.state,
            number: decision.number,
            availability: decision.availability,
            send: decision.send,
            skipReason: decision.send ? null : decision.skipReason,
            deliveries: {
              create: decision.send ? deliveriesFor(event, recipients.get(profile.id) ?? [], timeZone, now) : [],
            },
          },
        });
      }
    });
  }
}

function deliveriesFor(event: PendingEvent, recipients: Recipient[], timeZone: string, now: number): Prisma.NotificationDeliveryCreateWithoutEventInput[] {
  const { profile, ref, object, decision } = event;
  return recipients.flatMap((recipient) =>
    profile.methods.map((method, methodIndex): Prisma.NotificationDeliveryCreateWithoutEventInput => {
      const base = { recipientId: recipient.id, recipientName: recipient.name, methodIndex, methodKind: method.kind, nextAttemptAt: new Date(now), updatedAt: new Date(now) };
      if (!canSeeObject(recipient.access, ref)) {
        return { ...base, status: "WITHHELD", payload: {}, error: `${recipient.name} may not see this ${object.type === "BSMService" ? "business service" : "component"}` };
      }
      const context: NotificationContext = {
        object,
        notification: { at: decision.at, type: decision.type, state: decision.state, number: decision.number, availability: decision.availability },
        availabilityThreshold: profile.availabilityThreshold,
        includeNotes: profile.includeNotes,
        contact: recipient.contact,
        method: method.kind === "command" ? { contactVariables: method.contactVariables, settings: method.settings } : { contactVariables: [], settings: {} },
        timeZone,
      };
      const payload: DeliveryPayload = { method: toMethodConfig(method), context };
      return { ...base, status: "QUEUED", payload: payload as unknown as Prisma.InputJsonValue };
    }),
  );
}
