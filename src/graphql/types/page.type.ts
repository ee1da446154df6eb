import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page ends and whether another follows." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when another page follows this one." })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page; null on an empty page." })
  endCursor!: string | null;
}
