CREATE TABLE "quote_cluster_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"quote_a" text NOT NULL,
	"quote_b" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quote_cluster_decisions_kind_check" CHECK ("quote_cluster_decisions"."kind" in ('together', 'apart'))
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "quote_threshold" real DEFAULT 0.75 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_cluster_decisions" ADD CONSTRAINT "quote_cluster_decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_cluster_decisions" ADD CONSTRAINT "quote_cluster_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quote_cluster_decisions_project" ON "quote_cluster_decisions" USING btree ("project_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_quote_threshold_check" CHECK ("projects"."quote_threshold" > 0 and "projects"."quote_threshold" <= 1);