import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ExportFormat {
  JSON = "JSON",
  GRAPHML = "GRAPHML",
  DOT = "DOT",
  CSV = "CSV",
  CYPHER = "CYPHER",
}
registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description: "Formats a subgraph can be exported in.",
  valuesConfig: {
    JSON: { description: "Nodes and edges with every property, and the advisories and exemptions touching them." },
    GRAPHML: { description: "GraphML with declared attribute keys (Gephi, yEd, networkx)." },
    DOT: { description: "GraphViz: models as boxes, datasets as cylinders, families as houses; flagged assets highlighted." },
    CSV: { description: "Two RFC 4180 tables, nodes then edges, separated by an empty line." },
    CYPHER: { description: "A script that recreates the subgraph in an empty Neo4j." },
  },
});

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
