/**
 * Where a model object (`ExistingElb`, `AutoCreatedElb`, `SessionAffinity`, …) hands the
 * annotations it sets: one call per annotation, with the typed value that the catalog encodes
 * (undefined: the annotation is not set). A call per annotation, not a record keyed by annotation:
 * such records measured several times slower to build than the calls.
 */
export type AnnotationSink = (key: string, value: unknown) => void;
