CREATE INDEX "articles_project_order" ON "articles" USING btree ("project_id",coalesce("published_at", '9999-12-31'::date),"external_id");--> statement-breakpoint
CREATE INDEX "articles_title_trgm" ON "articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_outlet_trgm" ON "articles" USING gin ("outlet" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_text_words" ON "articles" USING gin (to_tsvector('simple', "text"));