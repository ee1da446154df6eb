import { GraphQLJSON } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { AccessKind, AssetKind, EdgeType } from "./enums.js";
import { PageInfo } from "./page.type.js";

@ObjectType({ description: "One evaluation result, as the source reports it." })
export class Evaluation {
  @Field(() => String, { description: 'What was measured on: a benchmark or dataset ("MMLU (5-Shot)").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The metric ("acc", "acc_norm").' })
  metric!: string | null;

  @Field(() => Float, { nullable: true, description: "The value." })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "When (ISO 8601 date), where the source says." })
  date!: string | null;
}

@ObjectType({ description: "One version of a model, dataset, family or application; or a placeholder for an id that has no record yet." })
export class Asset {
  @Field(() => ID, { description: 'The unique key, "<id>@<version>" ("laion-5b@1.0.0"); a placeholder\'s key is its bare id.' })
  key!: string;

  @Field(() => String, { description: "The record id (the file stem before the version); case-sensitive." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The record's semantic version; null for a placeholder." })
  version!: string | null;

  @Field(() => AssetKind, { description: "What the asset is. A placeholder's kind is inferred from the relation that named it." })
  kind!: AssetKind;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Who published it." })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "License (an SPDX id where the record gives one)." })
  license!: string | null;

  @Field(() => String, { nullable: true, description: "The organisation that answers for it." })
  owner!: string | null;

  @Field(() => Boolean, { description: "True when no record of this id has arrived yet: only references name it." })
  placeholder!: boolean;

  @Field(() => String, { nullable: true, description: "Free-text description from the record." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Release date as the record gives it." })
  releaseDate!: string | null;

  @Field(() => [String], { description: "Links given by the record (papers, model cards)." })
  refs!: string[];

  @Field(() => [String], { description: "Emails or URLs to warn when a risk reaches this asset." })
  contacts!: string[];

  @Field(() => String, { nullable: true, description: "public or private." })
  visibility!: string | null;

  @Field(() => Boolean, {
    description:
      'True for an asset the caller may not see (another organisation\'s private record): its key and id are an opaque id, its name "(hidden)", and nothing else of it is shown. Risk still travels through it.',
  })
  redacted!: boolean;

  @Field(() => String, { nullable: true, description: "SHA-256 of the record's canonical JSON form." })
  contentHash!: string | null;

  @Field(() => String, { nullable: true, description: "Where the record came from (file name or importer)." })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "When the record was ingested (ISO 8601)." })
  ingestedAt!: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "Blocks of the record that umr-graph does not interpret (FMTI answers, tags, ...), kept as they were.",
  })
  extra!: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'Registry field: the architecture ("decoder-only transformer"), where the source says.',
  })
  architecture!: string | null;

  @Field(() => Float, { nullable: true, description: "Registry field: the number of parameters." })
  parameterCount!: number | null;

  @Field(() => Float, { nullable: true, description: "Registry field: training compute in floating-point operations (FLOP)." })
  trainingFlop!: number | null;

  @Field(() => String, { nullable: true, description: "Registry field: a summary of the training data." })
  trainingData!: string | null;

  @Field(() => [Evaluation], {
    description: "Registry field: evaluation results (Hugging Face model-index, CycloneDX quantitativeAnalysis, UMR registry).",
  })
  evaluations!: Evaluation[];

  @Field(() => AccessKind, { nullable: true, description: "Registry field: open weights, API or closed." })
  access!: AccessKind | null;
}

@ObjectType({ description: "A direct dependency: `from` was built from `to`." })
export class Edge {
  @Field(() => EdgeType, { description: "TRAINED_ON for a model trained on a dataset, DERIVED_FROM otherwise." })
  type!: EdgeType;

  @Field(() => String, { description: "The relation (finetune, trained_on, member_of, ...)." })
  relation!: string;

  @Field(() => String, { nullable: true, description: 'The version constraint the record wrote (">=1.0.0"), null for a bare id.' })
  constraint!: string | null;

  /** Internal: the keys; the object fields resolve through the asset loader. */
  fromKey!: string;
  toKey!: string;
}

@ObjectType({ description: "An edge in a page of edges." })
export class EdgeCursor {
  @Field(() => String, { description: "Opaque position of this edge in the list." })
  cursor!: string;

  @Field(() => Edge, { description: "The edge." })
  node!: Edge;
}

@ObjectType({ description: "A page of edges." })
export class EdgeConnection {
  @Field(() => Int, { description: "How many edges the whole list holds." })
  totalCount!: number;

  @Field(() => [EdgeCursor], { description: "This page's edges." })
  edges!: EdgeCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "An asset in a page of assets." })
export class AssetCursor {
  @Field(() => String, { description: "Opaque position of this asset in the list." })
  cursor!: string;

  @Field(() => Asset, { description: "The asset." })
  node!: Asset;
}

@ObjectType({ description: "A page of assets, in key order." })
export class AssetConnection {
  @Field(() => Int, { description: "How many assets match the filter." })
  totalCount!: number;

  @Field(() => [AssetCursor], { description: "This page's assets." })
  edges!: AssetCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}
