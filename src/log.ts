// Structured logs: one JSON line per event, or pino-pretty's lines when stderr is a terminal.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger } from "pino";

export type { Logger };

/** The request being answered, for every log line and error answer made while answering it. */
export const requestScope = new AsyncLocalStorage<{
  requestId: string;
  /** performance.now() after which its queries are refused */ deadline?: number;
  /**
   * Causal consistency across API replicas: the bookmarks the caller sent (its earlier writes,
   * which this request's reads wait for), and those of the writes this request made (sent back).
   */
  bookmarks?: { given: string[]; written: string[] };
}>();

/** Milliseconds the current request has left (Infinity outside a request). */
export function requestTimeLeft(): number {
  const deadline = requestScope.getStore()?.deadline;
  return deadline === undefined ? Infinity : deadline - performance.now();
}

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

const mixin = () => {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
};

export function createLogger(level = process.env.LOG_LEVEL ?? "info", name = "umr-graph"): Logger {
  const pretty = process.stderr.isTTY && process.env.LOG_FORMAT !== "json";
  if (pretty) {
    return pino({
      name,
      level,
      mixin,
      transport: { target: "pino-pretty", options: { destination: 2, colorize: true, translateTime: "SYS:HH:MM:ss" } },
    });
  }
  return pino({ name, level, mixin }, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything: for tests and library use. */
export const silentLogger: Logger = pino({ level: "silent" });
