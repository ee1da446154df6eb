import { Field, InputType, Int, ObjectType } from "type-graphql";

import { RecordFormat } from "./enums.js";

export { RecordFormat };

@ObjectType({ description: "A problem found in an ingested document." })
export class IngestProblem {
  @Field(() => String, { description: "The document (file name) it was found in." })
  source!: string;

  @Field(() => String, { description: 'JSON path into the document, such as "$.mr.relations.upstream[2]"; "$" for the whole document.' })
  path!: string;

  @Field(() => Int, { nullable: true, description: "1-based line in the document, where the parser gives one." })
  line!: number | null;

  @Field(() => String, { description: "What was expected and what was found." })
  message!: string;

  @Field(() => String, { description: '"error" (the record is refused) or "warning" (accepted, worth a look).' })
  severity!: string;

  @Field(() => String, {
    nullable: true,
    description: "CONFLICT for a version that already exists with other contents; BAD_USER_INPUT for other errors; null for warnings.",
  })
  code!: string | null;
}

@ObjectType({ description: "What an ingest did." })
export class IngestReport {
  @Field(() => Int, { description: "Records new in the graph (or that would be, for a dry run)." })
  accepted!: number;

  @Field(() => Int, { description: "Identical re-ingests (same key, same content hash)." })
  unchanged!: number;

  @Field(() => Int, { description: "Documents refused (errors, conflicts)." })
  rejected!: number;

  @Field(() => Int, { description: "Distinct ids that this batch's references left pointing at placeholders." })
  placeholders!: number;

  @Field(() => [IngestProblem], { description: "Every error and warning, each naming its document and path." })
  problems!: IngestProblem[];

  @Field(() => [String], { description: "Keys of the accepted records." })
  acceptedKeys!: string[];

  @Field(() => [String], { description: "Ids that references of this batch left pointing at placeholders." })
  placeholderIds!: string[];

  @Field(() => Boolean, { description: "True when the graph was changed (false for dry runs and refused batches)." })
  written!: boolean;
}

@InputType({ description: "One document: YAML or JSON text and the file name it came from." })
export class RecordDocument {
  @Field(() => String, { description: "The file name; for UMR it carries the id and version: laion-5b/laion-5b-1.0.0.yaml." })
  source!: string;

  @Field(() => String, { description: "The document's text." })
  content!: string;
}

@InputType({ description: "Documents to ingest, and how." })
export class IngestInput {
  @Field(() => [RecordDocument], { description: "The documents." })
  documents!: RecordDocument[];

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Validate and plan, write nothing." })
  dryRun?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Accept the valid records even when others are invalid (default: all or nothing).",
  })
  partial?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Treat warnings such as dependency cycles as errors." })
  strict?: boolean | null;

  @Field(() => RecordFormat, { nullable: true, defaultValue: RecordFormat.AUTO, description: "The documents' format." })
  format?: RecordFormat | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Interchange formats (CycloneDX): accept JSON with trailing commas and documents that fail their official schema, reporting each as a warning.",
  })
  lenient?: boolean | null;
}
