// Running the real entry points (src/main.ts, src/cli/main.ts) as child processes.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { projectRoot } from "../../src/config.js";

export const mainTs = path.join(projectRoot, "src/main.ts");
export const cliTs = path.join(projectRoot, "src/cli/main.ts");

export interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

/** Starts `npm start`'s entry point and resolves once it logs `umr-graph is ready`. */
export async function startMain(
  env: Record<string, string | undefined>,
  timeoutMs = 180_000,
): Promise<{ child: ChildProcess; logs: LogLine[]; ready: LogLine }> {
  const child = spawn(process.execPath, ["--import", "tsx", mainTs], {
    cwd: projectRoot,
    // No NODE_ENV (vitest sets "test"): the server runs as a user's shell runs it, where libraries
    // such as Apollo behave as in production (its own signal handlers once hung every Ctrl-C).
    env: { ...process.env, NODE_ENV: undefined, LOG_FORMAT: "json", PORT: "0", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: LogLine[] = [];
  const ready = await new Promise<LogLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms: ${JSON.stringify(logs.slice(-5))}`)), timeoutMs);
    readline.createInterface({ input: child.stderr }).on("line", (line) => {
      try {
        const entry = JSON.parse(line) as LogLine;
        logs.push(entry);
        if (entry.msg === "umr-graph is ready") {
          clearTimeout(timer);
          resolve(entry);
        }
      } catch {
        logs.push({ level: 0, msg: line });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${JSON.stringify(logs.slice(-5))}`));
    });
  });
  return { child, logs, ready };
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliTs, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
