// The one place that decides which Neo4j the service and the tests use:
//   1. NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set;
//   2. otherwise a testcontainers Neo4j when UMR_USE_DOCKER=1 and a container runtime answers;
//   3. otherwise the project's own local Neo4j (neo4j-local/).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config, Neo4jCredentials } from "../config.js";
import type { Logger } from "../log.js";
import { ServiceUnavailableError } from "../errors.js";
import { alive, databaseIdAt, readBoltPassword, readInstanceFile, startLocalNeo4j } from "./local.js";

export type Neo4jKind = "external" | "docker" | "local";

export interface Neo4jTarget extends Neo4jCredentials {
  kind: Neo4jKind;
  /** The local server's JVM pid, when we started one. */
  pid?: number;
  /** Stops what this provider started (nothing for an external server). */
  stop(): Promise<void>;
  /**
   * The local server this provider started: resolves when it is lost (its JVM exited without
   * stop()); `restart()` starts it again on the same data folder and port.
   */
  supervision?: { lost: () => Promise<number | null>; restart: () => Promise<{ uri: string; pid: number }> };
}

/** start: `npm start`; cli: a command that uses the running local Neo4j if one answers; test: a throw-away server. */
export type Purpose = "start" | "cli" | "test";

export async function provideNeo4j(config: Config, purpose: Purpose, log: Logger): Promise<Neo4jTarget> {
  if (config.external) {
    log.info({ uri: config.external.uri }, "using the Neo4j server named by NEO4J_URI");
    return { ...config.external, kind: "external", stop: async () => {} };
  }
  if (config.useDocker) {
    const docker = await tryDocker(log);
    if (docker) return docker;
    log.warn("UMR_USE_DOCKER=1 but no container runtime answered; starting the local Neo4j instead");
  }
  if (purpose === "cli") {
    // `npm start` may already run the local Neo4j of this data folder: use it, but only it.
    const running = await runningInstance(config.local.dataDir);
    if (running) {
      log.debug({ uri: running }, "using the local Neo4j that npm start runs");
      return { kind: "local", uri: running, user: "neo4j", password: readBoltPassword(config.local.dataDir)!, stop: async () => {} };
    }
  }
  const throwaway = purpose === "test";
  const home = throwaway ? fs.mkdtempSync(path.join(os.tmpdir(), "umr-neo4j-test-")) : config.local.dataDir;
  const start = (port: number) =>
    startLocalNeo4j({
      port,
      home,
      heap: config.local.heap,
      pagecache: config.local.pagecache,
      startTimeoutMs: config.local.startTimeoutMs,
      log,
      announce: !throwaway,
    });
  let local = await start(throwaway ? 0 : config.local.port);
  const target: Neo4jTarget = {
    kind: "local",
    uri: local.uri,
    user: "neo4j",
    password: local.password,
    pid: local.pid,
    async stop() {
      await local.stop();
      if (throwaway) fs.rmSync(home, { recursive: true, force: true });
    },
    supervision: {
      lost: () => local.lost,
      async restart() {
        // The same port, so that the address stays what the driver and the instance file know.
        local = await start(Number(new URL(local.uri).port));
        Object.assign(target, { uri: local.uri, pid: local.pid });
        return { uri: local.uri, pid: local.pid };
      },
    },
  };
  return target;
}

/**
 * The address of the local Neo4j that runs on a data folder, from its instance file, once the
 * server there has shown that it holds that folder's database (its id); null when none runs.
 * Whatever else answers on a port is never used.
 */
async function runningInstance(dataDir: string): Promise<string | null> {
  const file = readInstanceFile(dataDir);
  if (!file) return null;
  if (!alive(file.jvmPid)) return null; // left behind by a server that died: start a new one
  const notOurs = () =>
    new ServiceUnavailableError(
      `the server at ${file.uri} is not the local Neo4j of ${dataDir} (its database is another one). What to do: stop whatever took that port, then start umr-graph again, or set NEO4J_URI.`,
    );
  const password = readBoltPassword(dataDir);
  if (password === null) throw notOurs();
  let id: string;
  try {
    id = await databaseIdAt(file.uri, password);
  } catch (err) {
    // A server that refuses this folder's password is somebody else's.
    if ((err as { code?: string }).code === "Neo.ClientError.Security.Unauthorized") throw notOurs();
    throw new ServiceUnavailableError(
      `the local Neo4j of ${dataDir} (pid ${file.jvmPid}) does not answer at ${file.uri}. What to do: wait until \`npm start\` says it is ready, or stop that process.`,
    );
  }
  if (id !== file.databaseId) {
    throw new ServiceUnavailableError(
      `the server at ${file.uri} is not the local Neo4j of ${dataDir} (its database is another one). What to do: stop whatever took that port, then start umr-graph again, or set NEO4J_URI.`,
    );
  }
  return file.uri;
}

async function tryDocker(log: Logger): Promise<Neo4jTarget | undefined> {
  try {
    const tc = await import("testcontainers");
    await tc.getContainerRuntimeClient();
    const container = await new tc.GenericContainer("neo4j:5.26-community")
      .withEnvironment({ NEO4J_AUTH: "none" })
      .withExposedPorts(7687)
      .withWaitStrategy(tc.Wait.forLogMessage(/Started\./))
      .withStartupTimeout(180_000)
      .start();
    const uri = `bolt://${container.getHost()}:${container.getMappedPort(7687)}`;
    log.info({ uri }, "started Neo4j in a container (testcontainers)");
    return { kind: "docker", uri, user: "neo4j", password: "", stop: async () => void (await container.stop()) };
  } catch (err) {
    log.debug({ err }, "no container runtime");
    return undefined;
  }
}
