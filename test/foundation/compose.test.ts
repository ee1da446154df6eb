// docker-compose.yml cannot run here (no Docker engine): check what it says.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../src/config.js";

interface Compose {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      environment?: Record<string, string>;
      healthcheck?: { test: string[] };
      depends_on?: Record<string, { condition: string }>;
      ports?: string[];
    }
  >;
}

describe("docker-compose.yml", () => {
  const compose = parse(fs.readFileSync(path.join(projectRoot, "docker-compose.yml"), "utf8")) as Compose;

  it("runs neo4j:5.26-community with the project's procedure, a password from the environment, a health check, and no port on the host", () => {
    const neo4j = compose.services.neo4j!;
    // Its image: neo4j:5.26-community with the procedure's jar, compiled by Maven in the build.
    expect(neo4j.build).toBe("./neo4j-plugin");
    const dockerfile = fs.readFileSync(path.join(projectRoot, "neo4j-plugin", "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/^FROM neo4j:5\.26-community$/m);
    expect(dockerfile).toContain("COPY --from=build /build/target/plugins/umr-graph-procedures.jar /var/lib/neo4j/plugins/");
    expect(neo4j.environment?.NEO4J_dbms_security_procedures_unrestricted).toBe("umr.*");
    expect(neo4j.environment?.NEO4J_AUTH).toBe("neo4j/${NEO4J_PASSWORD:?set NEO4J_PASSWORD (at least 8 characters)}");
    expect(neo4j.healthcheck?.test.join(" ")).toContain('cypher-shell -u neo4j -p "$$NEO4J_PASSWORD"');
    expect(neo4j.ports).toBeUndefined();
    // No secret is written in the file itself.
    expect(fs.readFileSync(path.join(projectRoot, "docker-compose.yml"), "utf8")).not.toMatch(/umr-graph-local|NEO4J_AUTH: neo4j\/[^$]/);
  });

  it("builds the API from the repository, points it at that Neo4j once it is healthy, on loopback, with an admin token from the environment", () => {
    const api = compose.services.api!;
    expect(api.build).toBe(".");
    expect(api.depends_on).toEqual({ neo4j: { condition: "service_healthy" } });
    expect(api.environment).toMatchObject({
      NEO4J_URI: "bolt://neo4j:7687",
      NEO4J_USER: "neo4j",
      NEO4J_PASSWORD: "${NEO4J_PASSWORD}",
      UMR_ADMIN_TOKEN: "${UMR_ADMIN_TOKEN:?set UMR_ADMIN_TOKEN (at least 24 characters), the first admin credential}",
      HOST: "0.0.0.0",
    });
    expect(api.ports).toEqual(["127.0.0.1:4000:4000"]);
    expect(fs.existsSync(path.join(projectRoot, "Dockerfile"))).toBe(true);
  });
});

describe("neo4j-plugin", () => {
  it("is compiled against the Neo4j the local launcher runs", () => {
    const version = (pom: string) =>
      /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(path.join(projectRoot, pom, "pom.xml"), "utf8"))?.[1];
    expect(version("neo4j-plugin")).toBe(version("neo4j-local"));
    expect(version("neo4j-local")).toMatch(/^5\.26\.\d+$/);
  });
});
