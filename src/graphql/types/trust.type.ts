// API keys and the audit trail.
import { GraphQLDateTime } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Role } from "./enums.js";
import { PageInfo } from "./page.type.js";

@ObjectType({ description: "An API key (never its secret: that is shown once, when it is made)." })
export class ApiKey {
  @Field(() => ID, { description: "The key's public id (the middle of its token)." })
  id!: string;

  @Field(() => String, { description: "The organisation it acts for." })
  org!: string;

  @Field(() => Role, { description: "What it may do." })
  role!: Role;

  @Field(() => String, { nullable: true, description: "A label, such as the dashboard that uses it." })
  name!: string | null;

  @Field(() => GraphQLDateTime, { description: "When it was made." })
  createdAt!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When it was revoked; it is refused from then on." })
  revokedAt!: string | null;
}

@ObjectType({ description: "A new API key and its token, shown this once." })
export class NewApiKey {
  @Field(() => String, { description: "Send it as `Authorization: Bearer <token>`; the server keeps only its hash." })
  token!: string;

  @Field(() => ApiKey, { description: "The key." })
  key!: ApiKey;
}

@InputType({ description: "A new API key." })
export class ApiKeyInput {
  @Field(() => String, { description: "The organisation it acts for." })
  org!: string;

  @Field(() => Role, { description: "What it may do." })
  role!: Role;

  @Field(() => String, { nullable: true, description: "A label." })
  name?: string | null;
}

@ObjectType({ description: "One entry of the audit trail: a write, or an auditor's read of private records." })
export class AuditEvent {
  @Field(() => ID, { description: "The event's id." })
  id!: string;

  @Field(() => String, {
    description: "ingest, advisory.publish, advisory.withdraw, exemption.write, key.create, key.revoke or private.read.",
  })
  operation!: string;

  @Field(() => String, { description: "Who: the credential's subject." })
  subject!: string;

  @Field(() => String, { nullable: true, description: "The organisation it acted for." })
  org!: string | null;

  @Field(() => String, { nullable: true, description: "The credential that proved it." })
  credentialId!: string | null;

  @Field(() => GraphQLDateTime, { description: "When it was committed." })
  at!: string;

  @Field(() => String, { nullable: true, description: "The request id of the answer that carried it." })
  requestId!: string | null;

  @Field(() => [String], { description: "The asset keys it touched." })
  keys!: string[];

  @Field(() => [String], { description: "The other ids it touched (advisories, API keys)." })
  ids!: string[];

  @Field(() => String, { description: "SHA-256 of its input (RFC 8785 canonical JSON)." })
  inputHash!: string;

  @Field(() => String, { description: "What came of it." })
  outcome!: string;
}

@ObjectType({ description: "An event in a page." })
export class AuditEventCursor {
  @Field(() => String, { description: "Opaque position in the list." })
  cursor!: string;

  @Field(() => AuditEvent, { description: "The event." })
  node!: AuditEvent;
}

@ObjectType({ description: "A page of the audit trail, newest first." })
export class AuditEventConnection {
  @Field(() => Int, { description: "How many events match." })
  totalCount!: number;

  @Field(() => [AuditEventCursor], { description: "This page." })
  edges!: AuditEventCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@InputType({ description: "Which events; all given filters must hold." })
export class EventFilter {
  @Field(() => String, { nullable: true, description: "Events of this organisation." })
  org?: string | null;

  @Field(() => String, { nullable: true, description: "Events of this operation." })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Events that touched this key or id." })
  key?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "At or after this time." })
  since?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Before this time." })
  until?: Date | null;
}
