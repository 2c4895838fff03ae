import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** PostgreSQL's full-text vector; written only by the database (a generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const ROLES = ["admin", "reviewer", "analyst"] as const;
export type Role = (typeof ROLES)[number];
export const ASSIGNMENT_STATUSES = ["todo", "in_progress", "done"] as const;
export const LAYER_KINDS = ["analyst", "gold", "suggestions"] as const;
export const ACTOR_KINDS = ["person", "organisation", "state", "other"] as const;
export const RELATION_TYPES = ["attributed_to"] as const;

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("analyst"),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on password reset, role change or disable: older sessions stop working. */
    sessionEpoch: integer("session_epoch").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check("users_role_check", sql`${t.role} in ('admin', 'reviewer', 'analyst')`),
    check("users_email_check", sql`position('@' in ${t.email}) > 1`),
  ],
);

/** Secrets and instance settings created on first start (e.g. the session secret). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/** Failed sign-in counters, per account (`email:`) and per address (`ip:`). */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    description: text("description").notNull().default(""),
    guidelines: text("guidelines").notNull().default(""),
    overlap: integer("overlap").notNull().default(2),
    /** How alike two quotes' wordings must be (0–1, lib/quotes) to count as the same quote. */
    quoteThreshold: real("quote_threshold").notNull().default(0.75),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("projects_overlap_check", sql`${t.overlap} >= 1 and ${t.overlap} <= 50`),
    check("projects_quote_threshold_check", sql`${t.quoteThreshold} > 0 and ${t.quoteThreshold} <= 1`),
    check("projects_slug_check", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`),
  ],
);

export const labels = pgTable(
  "labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    colour: text("colour").notNull(),
    hotkey: text("hotkey"),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("labels_project_key").on(t.projectId, t.key),
    check("labels_key_check", sql`${t.key} ~ '^[A-Z][A-Z0-9_]*$'`),
    check("labels_colour_check", sql`${t.colour} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user").on(t.userId)],
);

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    outlet: text("outlet"),
    url: text("url"),
    publishedAt: date("published_at"),
    text: text("text").notNull(),
    textHash: text("text_hash").notNull(),
    /**
     * The words of the text, computed once on write. Searching an expression (to_tsvector of the
     * text) re-parsed every article the list walks in date order, about 1 ms each; reading the
     * stored vector is some 50 times cheaper (bench/import-browse.ts). Never selected for display.
     */
    textWords: tsvector("text_words").generatedAlwaysAs(sql`to_tsvector('simple', "text")`),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    /** A text correction is a new version whose annotations are re-mapped. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("articles_project_external_id").on(t.projectId, t.externalId),
    index("articles_project_hash").on(t.projectId, t.textHash),
    index("articles_project_created").on(t.projectId, t.createdAt, t.id),
    // Browsing order (date, then external id) and search by title, outlet and words of the text.
    index("articles_project_order").on(t.projectId, sql`coalesce(${t.publishedAt}, '9999-12-31'::date)`, t.externalId),
    index("articles_title_trgm").using("gin", sql`${t.title} gin_trgm_ops`),
    index("articles_outlet_trgm").using("gin", sql`${t.outlet} gin_trgm_ops`),
    index("articles_text_words").using("gin", t.textWords),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("todo"),
    assignedAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    index("assignments_user_status").on(t.userId, t.status),
    check("assignments_status_check", sql`${t.status} in ('todo', 'in_progress', 'done')`),
  ],
);

export const actors = pgTable(
  "actors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    kind: text("kind", { enum: ACTOR_KINDS }).notNull().default("person"),
    externalId: text("external_id"),
    description: text("description").notNull().default(""),
    /** Set when merged into another actor; links move to the survivor. */
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("actors_project_name").on(t.projectId, t.name),
    index("actors_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
    check("actors_kind_check", sql`${t.kind} in ('person', 'organisation', 'state', 'other')`),
  ],
);

/**
 * A layer is an analyst's own (`layer_kind = analyst`, `layer_user_id` set), the
 * reviewed `gold` layer, or machine `suggestions`.
 */
export const annotations = pgTable(
  "annotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    layerKind: text("layer_kind", { enum: LAYER_KINDS }).notNull(),
    layerUserId: uuid("layer_user_id").references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    text: text("text").notNull(),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    note: text("note"),
    actorId: uuid("actor_id").references(() => actors.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    check("annotations_bounds_check", sql`0 <= ${t.start} and ${t.start} < ${t.end}`),
    check(
      "annotations_layer_check",
      sql`${t.layerKind} in ('analyst', 'gold', 'suggestions') and ((${t.layerKind} = 'analyst') = (${t.layerUserId} is not null))`,
    ),
    index("annotations_article_layer")
      .on(t.articleId, t.layerKind, t.layerUserId, t.start)
      .where(sql`${t.deletedAt} is null`),
    // Two spans of the same label and bounds in one layer are one span.
    uniqueIndex("annotations_one_span_per_bounds")
      .on(
        t.articleId,
        t.layerKind,
        sql`coalesce(${t.layerUserId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.label,
        t.start,
        t.end,
      )
      .where(sql`${t.deletedAt} is null`),
    index("annotations_actor").on(t.actorId),
  ],
);

export const relations = pgTable(
  "relations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    layerKind: text("layer_kind", { enum: LAYER_KINDS }).notNull(),
    layerUserId: uuid("layer_user_id").references(() => users.id, { onDelete: "cascade" }),
    type: text("type", { enum: RELATION_TYPES }).notNull().default("attributed_to"),
    fromId: uuid("from_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    toId: uuid("to_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    check("relations_type_check", sql`${t.type} in ('attributed_to')`),
    check("relations_not_self_check", sql`${t.fromId} <> ${t.toId}`),
    index("relations_article_layer").on(t.articleId, t.layerKind, t.layerUserId).where(sql`${t.deletedAt} is null`),
    // A span has at most one speaker.
    uniqueIndex("relations_one_speaker").on(t.fromId, t.type).where(sql`${t.deletedAt} is null`),
    index("relations_to").on(t.toId),
  ],
);

export const reviewDecisions = pgTable(
  "review_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Identifies the disagreement unit (its bounds and label set) on the article. */
    unitKey: text("unit_key").notNull(),
    decision: text("decision").notNull(),
    goldAnnotationId: uuid("gold_annotation_id").references(() => annotations.id, { onDelete: "set null" }),
    sourceAnnotationIds: uuid("source_annotation_ids").array().notNull().default(sql`'{}'::uuid[]`),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    /** What the decision did to the gold layer (spans and relations created or removed), so it can be undone. */
    effects: jsonb("effects").$type<unknown[]>().notNull().default([]),
  },
  (t) => [
    index("review_decisions_article").on(t.articleId),
    check("review_decisions_decision_check", sql`${t.decision} in ('accept', 'edit', 'add', 'reject')`),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    projectId: uuid("project_id"),
    articleId: uuid("article_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_article").on(t.articleId, t.at), index("audit_log_entity").on(t.entity, t.entityId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

/** Each client-made change UUID is applied once; a repeat gets the stored answer. */
export const appliedChanges = pgTable(
  "applied_changes",
  {
    changeId: uuid("change_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    result: jsonb("result").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("applied_changes_created").on(t.createdAt)],
);

/**
 * Suggestions (built-in candidates and a model's `suggestions` layer) an analyst dismissed on an
 * article. Suggestions themselves are never stored as annotations until accepted.
 */
export const suggestionDismissals = pgTable(
  "suggestion_dismissals",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Identifies the suggestion: its source, label and bounds (e.g. `builtin:QUOTE:10:42`). */
    suggestionKey: text("suggestion_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId, t.suggestionKey] })],
);

/** Fixed-window request counters per caller (token or user), shared by every app instance. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull().default(0),
});

/**
 * A reviewer's hand on quote clusters: two quotes (named `article external id:start:end:label`,
 * stable while their bounds stay) kept together or apart whatever the similarity says.
 */
export const quoteClusterDecisions = pgTable(
  "quote_cluster_decisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["together", "apart"] }).notNull(),
    quoteA: text("quote_a").notNull(),
    quoteB: text("quote_b").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("quote_cluster_decisions_project").on(t.projectId),
    check("quote_cluster_decisions_kind_check", sql`${t.kind} in ('together', 'apart')`),
  ],
);

/** Progress of long work (imports, exports, clustering) visible to every app instance. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("running"),
    done: integer("done").notNull().default(0),
    total: integer("total"),
    result: jsonb("result"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("jobs_status_check", sql`${t.status} in ('running', 'done', 'failed')`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Project = typeof projects.$inferSelect;
export type Label = typeof labels.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
export type Annotation = typeof annotations.$inferSelect;
export type Relation = typeof relations.$inferSelect;
export type Actor = typeof actors.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
