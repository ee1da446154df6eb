// The project's own Neo4j Community server (neo4j-local/): built and fetched from Maven Central
// on first use, started on loopback, stopped with its parent. No Docker needed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../config.js";
import type { Logger } from "../log.js";
import { createDriver } from "./executor.js";

export const launcherDir = path.join(projectRoot, "neo4j-local");
const classpathFile = path.join(launcherDir, "target", "classpath.txt");
const classesDir = path.join(launcherDir, "target", "classes");
const launcherClass = path.join(classesDir, "umr", "neo4jlocal", "Launcher.class");
const pomFile = path.join(launcherDir, "pom.xml");
/** The project's procedures (neo4j-plugin/): compiled into the launcher, registered when it starts. */
export const pluginDir = path.join(projectRoot, "neo4j-plugin");
const javaSources = (dir: string) => {
  const root = path.join(dir, "src", "main", "java");
  try {
    return fs
      .readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".java"))
      .map((f) => path.join(root, f));
  } catch {
    return [];
  }
};

export interface LocalNeo4jOptions {
  /** 0 picks a free port (tests); `npm start` uses 7687 unless told otherwise. */
  port: number;
  /** Where the database files live. */
  home: string;
  heap: string;
  pagecache: string;
  startTimeoutMs: number;
  log: Logger;
  /**
   * Write `umr-instance.json` into the home while the server runs (npm start's own server): the
   * CLI finds the server through it and checks that the database it reaches is this one.
   */
  announce?: boolean;
}

/** What `umr-instance.json` holds while the local Neo4j of a data folder runs. */
export interface InstanceFile {
  uri: string;
  /** The database's own id (`CALL db.info()`): the CLI checks that the server it reaches has it. */
  databaseId: string;
  jvmPid: number;
  startedAt: string;
}

export const instanceFileOf = (home: string) => path.join(home, "umr-instance.json");

/** The instance file of a data folder, when one is there and readable. */
export function readInstanceFile(home: string): InstanceFile | null {
  try {
    return JSON.parse(fs.readFileSync(instanceFileOf(home), "utf8")) as InstanceFile;
  } catch {
    return null;
  }
}

/** Whether a process of that pid is alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The Bolt password of a data folder's local Neo4j, when it has one. */
export function readBoltPassword(home: string): string | null {
  try {
    return fs.readFileSync(path.join(home, "bolt-password"), "utf8").trim();
  } catch {
    return null;
  }
}

/** The Bolt password of a data folder's local Neo4j: made on first start, kept beside its files (0600). */
export function boltPasswordOf(home: string): string {
  const file = path.join(home, "bolt-password");
  const known = readBoltPassword(home);
  if (known !== null) return known;
  fs.mkdirSync(home, { recursive: true });
  const password = randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

export interface LocalNeo4j {
  uri: string;
  /** The generated Bolt password (user neo4j). */
  password: string;
  pid: number;
  /** Stops the server and waits until its JVM has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves with the JVM's exit code if it exits without stop() (a crash, a kill -9). */
  lost: Promise<number | null>;
}

function neo4jVersion(): string {
  const pom = fs.readFileSync(pomFile, "utf8");
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1] ?? "unknown";
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** True when the compiled launcher and its resolved classpath are present and newer than their sources. */
export function launcherIsBuilt(): boolean {
  const built = Math.min(mtime(launcherClass), mtime(classpathFile));
  const sources = [pomFile, ...javaSources(launcherDir), ...javaSources(pluginDir)];
  if (built < 0 || sources.some((f) => built < mtime(f))) return false;
  // The Maven cache may have been cleaned since: every jar must still be there.
  return readClasspath().every((jar) => fs.existsSync(jar));
}

function readClasspath(): string[] {
  try {
    return fs.readFileSync(classpathFile, "utf8").trim().split(path.delimiter).filter(Boolean);
  } catch {
    return [];
  }
}

function requireTool(cmd: string, args: string[], what: string): void {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  if (r.error || r.status !== 0) {
    throw new Error(
      `${what} was not found (\`${cmd} ${args.join(" ")}\` failed). ` +
        `Install it (JDK 17 or newer and Maven 3.8+, e.g. \`apt-get install openjdk-17-jdk-headless maven\`), ` +
        `or set NEO4J_URI to use a Neo4j server you already run.`,
    );
  }
}

export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/**
 * Runs a command to its end, handing each line of its output (both streams) to `onLine` and
 * keeping the last 40 for the error that says what went wrong.
 */
export async function runCollecting(
  cmd: string,
  args: readonly string[],
  cwd: string | undefined,
  onLine: (line: string) => void,
): Promise<{ code: number; tail: string[] }> {
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const each = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    onLine(line);
  };
  readline.createInterface({ input: child.stdout }).on("line", each);
  readline.createInterface({ input: child.stderr }).on("line", each);
  const code: number = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  return { code, tail };
}

/**
 * Compiles the launcher and resolves Neo4j's jars through Maven, printing download progress.
 * The first run fetches about 120 MB from Maven Central; later runs find everything cached.
 */
export async function buildLauncher(log: Logger): Promise<void> {
  if (launcherIsBuilt()) return;
  requireTool(javaCommand(), ["-version"], "Java");
  requireTool("mvn", ["-v"], "Maven");
  const version = neo4jVersion();
  log.info({ neo4j: version }, `preparing the local Neo4j Community ${version} (first run: downloads ~120 MB from Maven Central)`);
  const args = ["-B", "-f", pomFile, "compile", "dependency:build-classpath", `-Dmdep.outputFile=${classpathFile}`];
  let files = 0;
  let bytes = 0;
  let lastReport = Date.now();
  const tty = process.stderr.isTTY;
  const { code, tail } = await runCollecting("mvn", args, launcherDir, (line) => {
    const m = /Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
    if (!m) return;
    files++;
    const unit = m[2] === "MB" ? 1e6 : m[2] === "kB" ? 1e3 : 1;
    bytes += Number(m[1]) * unit;
    const text = `fetching Neo4j from Maven Central: ${files} files, ${(bytes / 1e6).toFixed(1)} MB`;
    if (tty) process.stderr.write(`\r${text}   `);
    else if (Date.now() - lastReport > 2000) {
      lastReport = Date.now();
      log.info({ files, megabytes: Math.round(bytes / 1e6) }, text);
    }
  });
  if (tty && files > 0) process.stderr.write("\n");
  if (code !== 0) {
    throw new Error(
      `building the local Neo4j launcher failed (mvn exited with ${code}). Its last output:\n` +
        tail.join("\n") +
        `\nWhat to do: check that Maven Central is reachable and that \`mvn -f ${pomFile} compile\` works, ` +
        `or set NEO4J_URI to use a Neo4j server you already run.`,
    );
  }
  log.info({ files, megabytes: Math.round(bytes / 1e6) }, "local Neo4j is ready to start");
}

/** Parses sizes like 512m, 2g, 1048576 into bytes. */
export function parseBytes(text: string): number {
  const m = /^(\d+)([kmg]?)b?$/i.exec(text.trim());
  if (!m) throw new Error(`expected a size such as 256m or 2g, found ${JSON.stringify(text)}`);
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  return Number(m[1]) * mult;
}

/**
 * The pid of the process that holds a data folder's store lock, read from Linux's /proc/locks
 * (null when none does, or where there is no /proc): a second server on the same folder is
 * refused at once, not after a JVM has started and failed.
 */
export function storeLockHolder(home: string): number | null {
  let table: string;
  let st: fs.Stats;
  try {
    st = fs.statSync(path.join(home, "data", "databases", "store_lock"));
    table = fs.readFileSync("/proc/locks", "utf8");
  } catch {
    return null;
  }
  const major = (st.dev >> 8) & 0xfff;
  const minor = (st.dev & 0xff) | ((st.dev >> 12) & 0xfff00);
  for (const line of table.split("\n")) {
    const m = /^\d+:\s+\S+\s+\S+\s+\S+\s+(-?\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (m && Number(m[4]) === st.ino && parseInt(m[2]!, 16) === major && parseInt(m[3]!, 16) === minor && Number(m[1]) > 0)
      return Number(m[1]);
  }
  return null;
}

function lockedError(home: string, holder: string): Error {
  return new Error(
    `the data folder ${home} is in use by another Neo4j process (${holder}). ` +
      `What to do: stop that process, or run the command while \`npm start\` runs (it is used through ${instanceFileOf(home)}), or set UMR_DATA_DIR to another folder.`,
  );
}

/**
 * The JVM arguments that run a main class of the launcher (neo4j-local/) with Neo4j's jars and
 * the given heap. The classpath (200+ jars) goes through an argument file, keeping `ps` readable.
 */
export function launcherJava(heap: string, mainClass: string): string[] {
  const heapBytes = parseBytes(heap);
  const cp = [classesDir, ...readClasspath()].join(path.delimiter);
  const argFile = path.join(launcherDir, "target", "classpath.args");
  fs.writeFileSync(argFile, `-cp ${JSON.stringify(cp)}\n`);
  return [
    `-Xms${Math.min(heapBytes, 64 * 1024 * 1024)}`,
    `-Xmx${heapBytes}`,
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:+UseParallelGC",
    `@${argFile}`,
    mainClass,
  ];
}

export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const holder = storeLockHolder(opts.home);
  if (holder !== null) throw lockedError(opts.home, `pid ${holder}`);
  await buildLauncher(opts.log);
  const args = [
    ...launcherJava(opts.heap, "umr.neo4jlocal.Launcher"),
    "--home",
    opts.home,
    "--port",
    String(opts.port),
    "--pagecache",
    String(parseBytes(opts.pagecache)),
    "--parent-pid",
    String(process.pid),
    "--password-file",
    path.join(opts.home, "bolt-password"),
  ];
  fs.mkdirSync(opts.home, { recursive: true });
  const password = boltPasswordOf(opts.home);
  // stdin stays an open pipe that we never write to: when this process dies, however it dies,
  // the pipe closes and the launcher shuts Neo4j down.
  const child = spawn(javaCommand(), args, { stdio: ["pipe", "pipe", "pipe"] });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  readline.createInterface({ input: child.stderr }).on("line", (line) => {
    remember(line);
    opts.log.debug({ neo4j: line }, "neo4j-local");
  });
  const stdout = readline.createInterface({ input: child.stdout });

  const started = Date.now();
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(failure(`did not report ready within ${opts.startTimeoutMs} ms`));
    }, opts.startTimeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(failure(`could not be started: ${err.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(failure(`exited with code ${code} before it was ready`));
    });
    stdout.on("line", (line) => {
      remember(line);
      const locked = /^UMR_NEO4J_FAILED locked (.*)$/.exec(line);
      if (locked) {
        clearTimeout(timer);
        reject(lockedError(opts.home, locked[1]!.replace(/\. Please ensure.*$/, "")));
        return;
      }
      const m = /^UMR_NEO4J_READY (\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  opts.log.info({ uri, jvmPid: child.pid, home: opts.home, ms: Date.now() - started }, "local Neo4j started");
  const instanceFile = instanceFileOf(opts.home);
  if (opts.announce) {
    const file: InstanceFile = {
      uri,
      databaseId: await databaseIdAt(uri, password),
      jvmPid: child.pid!,
      startedAt: new Date().toISOString(),
    };
    fs.writeFileSync(instanceFile, JSON.stringify(file, null, 2) + "\n", { mode: 0o600 });
  }

  // Belt and braces for a normal exit that skipped stop(): the stdin pipe covers crashes.
  const onExit = () => {
    if (opts.announce) fs.rmSync(instanceFile, { force: true });
    child.kill("SIGTERM");
  };
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const lost = new Promise<number | null>((resolve) => {
    void exited.then((code) => {
      if (!stopping) {
        if (opts.announce) fs.rmSync(instanceFile, { force: true });
        resolve(code);
      }
    });
  });
  return {
    uri,
    password,
    pid: child.pid!,
    lost,
    stop() {
      stopping ??= (async () => {
        process.off("exit", onExit);
        if (opts.announce) fs.rmSync(instanceFile, { force: true });
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000).unref());
        if ((await Promise.race([exited, timeout])) === "timeout") {
          opts.log.warn({ jvmPid: child.pid }, "local Neo4j did not stop within 30 s; killing it");
          child.kill("SIGKILL");
          await exited;
        }
        opts.log.info({ jvmPid: child.pid }, "local Neo4j stopped");
      })();
      return stopping;
    },
  };

  function failure(what: string): Error {
    return new Error(
      `the local Neo4j (java ${path.basename(launcherDir)}, home ${opts.home}) ${what}. Its last output:\n` +
        (tail.length ? tail.map((l) => `  | ${l}`).join("\n") : "  (nothing)") +
        `\nWhat to do: check that port ${opts.port || "(free)"} is not taken, that ${opts.home} is writable, ` +
        `and that JDK 17+ is installed; or set NEO4J_URI to use a Neo4j server you already run.`,
    );
  }
}

/** The id of the database a server holds (`CALL db.info()`), which names one store wherever it runs. */
export async function databaseIdAt(uri: string, password: string): Promise<string> {
  const driver = createDriver({ uri, user: "neo4j", password });
  try {
    const { records } = await driver.executeQuery("CALL db.info() YIELD id RETURN id", {}, { routing: "READ" });
    return String(records[0]!.get("id"));
  } finally {
    await driver.close();
  }
}
