// Every HTTP request gets an id: the caller's `x-request-id` when it is a sane token, a new UUID
// otherwise. Answers carry it (header, and error bodies), and every log line made while answering
// carries it (log.ts's request scope), so that an error a user reports leads to its log lines.
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { requestScope } from "../log.js";
import { BOOKMARK_HEADER, decodeBookmarks } from "../neo4j/bookmarks.js";
import { send } from "./errors.js";

declare module "express-serve-static-core" {
  interface Request {
    requestId: string;
  }
}

const SANE = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Names each request, gives it its time budget (every Neo4j transaction it opens ends by then),
 * and its causal bookmarks: those the caller sent (x-umr-bookmark: its reads wait for those writes,
 * on whichever replica answers), and those of its own writes, sent back in the same header.
 */
export function requestId(budgetMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.header("x-request-id");
    req.requestId = given && SANE.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", req.requestId);
    const sent = req.header(BOOKMARK_HEADER);
    const bookmarks = sent ? decodeBookmarks(sent) : [];
    if (bookmarks === null) {
      send(req, res, "BAD_USER_INPUT", `${BOOKMARK_HEADER}: expected the value of a ${BOOKMARK_HEADER} header this API sent after a write`);
      return;
    }
    requestScope.run(
      { requestId: req.requestId, deadline: performance.now() + budgetMs, bookmarks: { given: bookmarks, written: [] } },
      next,
    );
  };
}
