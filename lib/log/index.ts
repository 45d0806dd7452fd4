import pino, { type DestinationStream, type Logger } from "pino";
import { logSettings, type LogFormat, type LogLevel, type LogSettings } from "./settings";
import { formatPrettyLine } from "./pretty";
import { REDACTED, REDACTED_PATHS, redactFields, redactText } from "./redact";

export type { Logger } from "pino";

/** Which part of the app a line comes from: the `component` field of every line. */
export type LogComponent = "web" | "poller" | "notify" | "source" | "db" | "auth";

/** The lines the poller, notifications and start-up code write: a message, "info" unless a level is given. */
export type LogLine = (message: string, level?: "debug" | "info" | "warn" | "error") => void;

/** JSON when asked, else JSON in production when stdout is not a terminal (a container, systemd), readable lines otherwise. */
export function chooseLogFormat(settings: Pick<LogSettings, "format" | "production">, stdoutIsTerminal: boolean): LogFormat {
  return settings.format ?? (settings.production && !stdoutIsTerminal ? "json" : "pretty");
}

/**
 * Readable lines for people, written synchronously. Deliberately not a pino transport: transports
 * run in worker threads, which Next.js's server bundle breaks.
 */
export function prettyDestination(write: (text: string) => void): DestinationStream {
  return { write: (line: string) => write(formatPrettyLine(line)) };
}

export interface CreateLoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Where lines go; stdout by default. */
  write?: (text: string) => void;
}

/** A logger writing one line per record: JSON (level, time, component, msg and fields) or readable text. */
export function createLogger({ level, format, write }: CreateLoggerOptions): Logger {
  const destination: DestinationStream =
    format === "pretty"
      ? prettyDestination(write ?? ((text) => process.stdout.write(text)))
      : write
        ? { write }
        : pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      serializers: { err: serializeError },
      // Child bindings bypass formatters.log: the obvious keys by path there (and everywhere, cheaply).
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactFields(bindings),
        log: (fields) => redactFields(fields),
      },
      hooks: {
        // Messages may quote a connection string or an error carrying one.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? redactText(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function serializeError(error: Error): ReturnType<typeof pino.stdSerializers.err> {
  const serialized = pino.stdSerializers.err(error);
  if (typeof serialized !== "object" || serialized === null) return serialized;
  return {
    ...serialized,
    message: typeof serialized.message === "string" ? redactText(serialized.message) : serialized.message,
    stack: typeof serialized.stack === "string" ? redactText(serialized.stack) : serialized.stack,
  };
}

function defaultLogger(): Logger {
  const settings = logSettings();
  return createLogger({ level: settings.level, format: chooseLogFormat(settings, process.stdout.isTTY === true) });
}

/** The process's one logger; BSM_LOG_LEVEL and BSM_LOG_FORMAT (lib/env.ts) configure it. */
export const logger: Logger = defaultLogger();

const children = new Map<LogComponent, Logger>();

/** The logger of one component: every line carries `component`. */
export function logFor(component: LogComponent): Logger {
  let child = children.get(component);
  if (!child) {
    child = logger.child({ component });
    children.set(component, child);
  }
  return child;
}

/** A LogLine writing to a logger at the level each line asks for. */
export function lineLogger(target: Logger): LogLine {
  return (message, level = "info") => target[level](message);
}
