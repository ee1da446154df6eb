// Structured logs: one JSON line per event, or pino-pretty's lines when stderr is a terminal.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level = process.env.LOG_LEVEL ?? "info", name = "umr-graph"): Logger {
  const pretty = process.stderr.isTTY && process.env.LOG_FORMAT !== "json";
  if (pretty) {
    return pino({
      name,
      level,
      transport: { target: "pino-pretty", options: { destination: 2, colorize: true, translateTime: "SYS:HH:MM:ss" } },
    });
  }
  return pino({ name, level }, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
