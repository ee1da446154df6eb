import { Field, Int, ObjectType } from "type-graphql";

import { ExportFormat } from "./enums.js";

export { ExportFormat };

@ObjectType({ description: "An exported subgraph." })
export class Export {
  @Field(() => ExportFormat, { description: "The format." })
  format!: ExportFormat;

  @Field(() => String, { description: "The MIME type of the content." })
  contentType!: string;

  @Field(() => String, { description: "The export itself." })
  content!: string;

  @Field(() => Int, { description: "Assets exported." })
  nodeCount!: number;

  @Field(() => Int, { description: "Edges exported." })
  edgeCount!: number;
}
