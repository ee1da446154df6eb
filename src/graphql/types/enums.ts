// The public enums. Internal values are what the graph stores.
import { registerEnumType } from "type-graphql";

export enum AssetKind {
  MODEL = "model",
  DATASET = "dataset",
  FAMILY = "family",
  APPLICATION = "application",
}
registerEnumType(AssetKind, {
  name: "AssetKind",
  description: "What an asset is.",
  valuesConfig: {
    MODEL: { description: "A trained model (weights), including fine-tunes, adapters, quantizations and merges." },
    DATASET: { description: "A dataset, or a subset or mixture of datasets." },
    FAMILY: { description: "A family of models or datasets, or a data source such as a platform." },
    APPLICATION: { description: "A product or application built on models." },
  },
});

export enum EdgeType {
  DERIVED_FROM = "DERIVED_FROM",
  TRAINED_ON = "TRAINED_ON",
}
registerEnumType(EdgeType, {
  name: "EdgeType",
  description: "The two relationship types of the graph; both point upstream, from what was built to what it was built from.",
  valuesConfig: {
    DERIVED_FROM: { description: "Every link other than training on a dataset (fine-tune, merge, member of a family, ...)." },
    TRAINED_ON: { description: "A model trained on a dataset." },
  },
});

export enum Direction {
  UPSTREAM = "UPSTREAM",
  DOWNSTREAM = "DOWNSTREAM",
}
registerEnumType(Direction, {
  name: "Direction",
  description: "Which way a traversal goes.",
  valuesConfig: {
    UPSTREAM: { description: "Towards what the asset was built from (lineage)." },
    DOWNSTREAM: { description: "Towards what was built from the asset (blast radius)." },
  },
});
