// Each request becomes a viewer before anything answers it: from its credential, through the
// identity service. A spoofed header (`x-umr-org`) means nothing; a refused credential is
// answered 401 at once.
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "../log.js";
import type { Viewer } from "../model/viewer.js";
import { DomainError } from "../errors.js";
import type { IdentityService } from "../services/identity.service.js";
import { sendError } from "./errors.js";

declare module "express-serve-static-core" {
  interface Request {
    viewer: Viewer;
  }
}

export function identity(service: IdentityService, log: Logger) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      req.viewer = await service.identify(req.header("authorization"));
      next();
    } catch (err) {
      if (err instanceof DomainError && req.path.startsWith("/graphql")) {
        res.status(401).json({ errors: [{ message: err.message, extensions: { code: err.code, requestId: req.requestId } }] });
        return;
      }
      sendError(req, res, log, err, "identifying the caller");
    }
  };
}
