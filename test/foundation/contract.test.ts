// The schema is a contract: schema.graphql is emitted from the code and committed (it must not
// drift), it holds every type, field and argument of the shared api-contract.graphql with a
// compatible type, and every type and field is described.
import fs from "node:fs";
import path from "node:path";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  GraphQLNonNull,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { printSchemaSDL } from "../../src/graphql/schema.js";

const contractFile = path.resolve(projectRoot, "..", "shared", "design", "api-contract.graphql");
const hasContract = fs.existsSync(contractFile);
if (!hasContract) console.warn("contract test: skipped, ../shared/design/api-contract.graphql is absent");

/** Wrapping of a type, e.g. "[!]!" for [X!]!, and its named type. */
function shape(t: GraphQLType): string {
  if (isNonNullType(t)) return shape(t.ofType) + "!";
  if (isListType(t)) return `[${shape(t.ofType)}]`;
  return getNamedType(t).name;
}

/** Outputs may be stricter than the contract (nullable → non-null); inputs may be looser. */
function compatible(contract: GraphQLType, ours: GraphQLType, output: boolean): boolean {
  if (isNonNullType(contract) && isNonNullType(ours)) return compatible(contract.ofType, ours.ofType, output);
  if (isNonNullType(ours)) return output && compatible(contract, ours.ofType, output);
  if (isNonNullType(contract)) return !output && compatible(contract.ofType, ours, output);
  if (isListType(contract) || isListType(ours))
    return isListType(contract) && isListType(ours) && compatible(contract.ofType, ours.ofType, output);
  return getNamedType(contract).name === getNamedType(ours).name;
}

describe("schema.graphql", () => {
  it("equals the schema the code builds (run `npm run schema` after changing the API)", async () => {
    const committed = fs.readFileSync(path.join(projectRoot, "schema.graphql"), "utf8");
    expect(await printSchemaSDL()).toBe(committed);
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = buildSchema(await printSchemaSDL());
    const missing: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith("__") || (isScalarType(t) && ["String", "Int", "Float", "Boolean", "ID"].includes(t.name))) continue;
      if (!t.description) missing.push(t.name);
      if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
        for (const f of Object.values(t.getFields()) as (GraphQLField<unknown, unknown> | GraphQLInputField)[]) {
          if (!f.description) missing.push(`${t.name}.${f.name}`);
        }
      }
      if (isEnumType(t))
        for (const v of t.getValues())
          if (!v.description && !["LOW", "MEDIUM", "HIGH", "CRITICAL"].includes(v.name) && t.name !== "RiskCategory")
            missing.push(`${t.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe.skipIf(!hasContract)("api-contract.graphql", () => {
  it("every type, field and argument of the contract exists in schema.graphql with a compatible type", async () => {
    const contract = buildSchema(fs.readFileSync(contractFile, "utf8"));
    const ours = buildSchema(await printSchemaSDL());
    const problems: string[] = [];
    for (const ct of Object.values(contract.getTypeMap())) {
      if (ct.name.startsWith("__")) continue;
      const ot = ours.getType(ct.name);
      if (!ot) {
        problems.push(`type ${ct.name} is missing`);
        continue;
      }
      if (ct.constructor !== ot.constructor)
        problems.push(`type ${ct.name}: a ${ct.constructor.name} in the contract, a ${ot.constructor.name} here`);
      if (isEnumType(ct) && isEnumType(ot)) {
        for (const v of ct.getValues()) if (!ot.getValue(v.name)) problems.push(`enum value ${ct.name}.${v.name} is missing`);
      }
      if ((isObjectType(ct) && isObjectType(ot)) || (isInputObjectType(ct) && isInputObjectType(ot))) {
        const output = isObjectType(ct);
        const ofields = ot.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
        for (const cf of Object.values(ct.getFields()) as (GraphQLField<unknown, unknown> | GraphQLInputField)[]) {
          const of = ofields[cf.name];
          if (!of) {
            problems.push(`field ${ct.name}.${cf.name} is missing`);
            continue;
          }
          // One deliberate loosening: query roots are nullable, so that one failing field of an
          // operation leaves the others' answers in place (errors are per field).
          const ofType = ct.name === "Query" && !isNonNullType(of.type) ? new GraphQLNonNull(of.type) : of.type;
          if (!compatible(cf.type, ofType, output))
            problems.push(`field ${ct.name}.${cf.name}: ${shape(cf.type)} in the contract, ${shape(of.type)} here`);
          if ("args" in cf && "args" in of) {
            for (const ca of cf.args) {
              const oa = of.args.find((a) => a.name === ca.name);
              if (!oa) problems.push(`argument ${ct.name}.${cf.name}(${ca.name}) is missing`);
              else if (!compatible(ca.type, oa.type, false))
                problems.push(`argument ${ct.name}.${cf.name}(${ca.name}): ${shape(ca.type)} in the contract, ${shape(oa.type)} here`);
            }
            for (const oa of of.args) {
              if (isNonNullType(oa.type) && oa.defaultValue === undefined && !cf.args.some((a) => a.name === oa.name)) {
                problems.push(`argument ${ct.name}.${cf.name}(${oa.name}) is required here but not in the contract`);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
