-- PostgreSQL only: full-text search over the stored tokens. The tokens are already normalised by the
-- application (CJK bigrams, English stems), so the 'simple' configuration indexes them as they are; a
-- stored tsvector keeps ranking cheap, and the GIN index finds the posts.
ALTER TABLE discussion_post
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED;

CREATE INDEX ix_post_search ON discussion_post USING gin (search_vector);
