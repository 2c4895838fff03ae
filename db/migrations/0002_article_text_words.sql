DROP INDEX "articles_text_words";--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "text_words" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;--> statement-breakpoint
CREATE INDEX "articles_text_words" ON "articles" USING gin ("text_words");