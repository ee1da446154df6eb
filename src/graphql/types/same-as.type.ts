import { Field, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";

@ObjectType({
  description:
    "A statement that two ids (often from two sources) name one thing: lineage and risk cross between their nodes as within one node, never as a hop.",
})
export class SameAs {
  @Field(() => String, { description: "One id (the smaller of the two)." })
  a!: string;

  @Field(() => String, { description: "The other id." })
  b!: string;

  @Field(() => String, { nullable: true, description: "The organisation that declared it." })
  by!: string | null;

  @Field(() => String, { description: 'Where it was declared: "api", "cli", or "record:<key>" (a record\'s `same_as`).' })
  source!: string;

  @Field(() => String, { nullable: true, description: "Why, in the declarer's words." })
  note!: string | null;

  @Field(() => GraphQLDateTime, { description: "When it was declared." })
  at!: Date;
}
