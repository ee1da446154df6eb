// Record pages rendered off the request path: a small pool of worker threads (piscina) lays out
// the drawing and writes the PDF, each page within a time budget and a memory cap. A page that
// takes longer is stopped (its thread ends) and answered LIMIT_EXCEEDED; /healthz and every other
// request keep their event loop meanwhile.
import os from "node:os";
import { Piscina } from "piscina";
import { LimitExceededError } from "../errors.js";
import type { PageSource } from "./page.js";
import type { PageFormat } from "./render.js";

export interface PageRendererOptions {
  /** The time one page may take, in milliseconds. */
  budgetMs: number;
  /** Worker threads; one less than the cores (at least one) by default. */
  threads?: number;
}

/** Run from TypeScript (tests, tsx), the worker is TypeScript too and needs tsx's loader. */
const fromSource = import.meta.url.endsWith(".ts");
const WORKER = new URL(`./render.worker.${fromSource ? "ts" : "js"}`, import.meta.url);

export class PageRenderer {
  private readonly pool: Piscina;

  constructor(private readonly opts: PageRendererOptions) {
    const threads = opts.threads ?? Math.max(1, os.availableParallelism() - 1);
    this.pool = new Piscina({
      filename: WORKER.href,
      execArgv: fromSource ? ["--import", "tsx"] : [],
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 30_000,
      // Pages waiting for a thread; beyond this the caller is told to come back.
      maxQueue: threads * 16,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
  }

  async render(page: PageSource, format: PageFormat): Promise<string | Buffer> {
    const signal = AbortSignal.timeout(this.opts.budgetMs);
    try {
      const out = (await this.pool.run({ page, format }, { signal })) as string | Uint8Array;
      return typeof out === "string" ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch (err) {
      if (signal.aborted)
        throw new LimitExceededError(
          `the ${format} page of ${page.asset.key} took longer than ${this.opts.budgetMs} ms to render; ask for its HTML or Markdown page, or narrow the record`,
        );
      if (err instanceof Error && /queue is at limit/i.test(err.message))
        throw new LimitExceededError("too many record pages are rendering; try again in a moment");
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
