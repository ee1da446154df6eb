// Settings sized from the machine: the local Neo4j's heap and page cache.
import { describe, expect, it } from "vitest";
import { loadConfig, machineShare } from "../../src/config.js";

const GB = 1024 ** 3;

describe("the local Neo4j is sized from the machine unless told", () => {
  it("a quarter of the memory for the heap (512m–8g), a tenth for the page cache (256m–4g)", () => {
    expect([24, 1, 64].map((g) => machineShare(0.25, 512, 8192, g * GB))).toEqual(["6144m", "512m", "8192m"]);
    expect([24, 1, 64].map((g) => machineShare(0.1, 256, 4096, g * GB))).toEqual(["2457m", "256m", "4096m"]);
  });

  it("UMR_NEO4J_HEAP and UMR_NEO4J_PAGECACHE win", () => {
    const c = loadConfig({ UMR_NEO4J_HEAP: "1g", UMR_NEO4J_PAGECACHE: "64m" });
    expect([c.local.heap, c.local.pagecache]).toEqual(["1g", "64m"]);
  });
});
