// The `asOf` argument of the questions that can be answered as the graph stood at a past time.
import { GraphQLDateTime } from "graphql-scalars";
import { Arg } from "type-graphql";

const DESCRIPTION =
  "Answer as the graph stood then: records ingested by then, edges as resolved then, advisories and exemptions in force then.";

export function AsOfArg(description = DESCRIPTION): ReturnType<typeof Arg> {
  return Arg("asOf", () => GraphQLDateTime, { nullable: true, description });
}
