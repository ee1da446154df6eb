import { Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { ChangeKind } from "./enums.js";
import { PageInfo } from "./page.type.js";

@ObjectType({ description: "A committed write that changed answers: when, what kind, which assets." })
export class Change {
  @Field(() => ID, { description: "The change's id (its audit trail event)." })
  id!: string;

  @Field(() => GraphQLDateTime, { description: "When it was committed." })
  at!: string;

  @Field(() => ChangeKind, { description: "What kind of change." })
  kind!: ChangeKind;

  @Field(() => [ID], {
    description: "The assets it touched that you may see (new versions, moved dependents, flagged or exempted assets).",
  })
  keys!: string[];

  @Field(() => Int, { description: "How many assets it touched that you may not see." })
  hiddenCount!: number;

  @Field(() => ID, { nullable: true, description: "The advisory it is about (advisory and exemption changes)." })
  advisoryId!: string | null;

  @Field(() => String, { description: "What came of it, as the trail says." })
  outcome!: string;
}

@ObjectType({ description: "A change in a page." })
export class ChangeCursor {
  @Field(() => String, { description: "Opaque position in the feed; poll with it as `after` for what came since." })
  cursor!: string;

  @Field(() => Change, { description: "The change." })
  node!: Change;
}

@ObjectType({ description: "A page of the changes feed, oldest first." })
export class ChangeConnection {
  @Field(() => [ChangeCursor], { description: "This page." })
  edges!: ChangeCursor[];

  @Field(() => PageInfo, { description: "Paging information: endCursor is where the next poll starts, even when this page is empty." })
  pageInfo!: PageInfo;
}
