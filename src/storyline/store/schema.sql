-- storyline store, schema version 1
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR UNIQUE NOT NULL,
    seq BIGINT NOT NULL,
    source VARCHAR, title VARCHAR, published VARCHAR, outlet VARCHAR, origin VARCHAR,
    authors VARCHAR, dateline VARCHAR, language VARCHAR, url VARCHAR,
    raw_text VARCHAR, text VARCHAR,
    copy_of VARCHAR, copy_kind VARCHAR, story VARCHAR,
    provenance VARCHAR
);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS provenance VARCHAR;  -- stores made before provenance
CREATE TABLE IF NOT EXISTS removals (document VARCHAR, position INTEGER, text VARCHAR, kind VARCHAR);
CREATE TABLE IF NOT EXISTS annotations (document VARCHAR PRIMARY KEY, data VARCHAR);
CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY, document VARCHAR, sentence INTEGER, text VARCHAR, content VARCHAR,
    speaker VARCHAR, speaker_kind VARCHAR, cue VARCHAR, stance VARCHAR, hedged BOOLEAN, date VARCHAR
);
CREATE TABLE IF NOT EXISTS features (
    document VARCHAR PRIMARY KEY, doc_vector BLOB, sentence_vectors BLOB, minhash BLOB, data VARCHAR
);
ALTER TABLE features ADD COLUMN IF NOT EXISTS claim_vectors BLOB;  -- stores made before they were kept
ALTER TABLE features ADD COLUMN IF NOT EXISTS event_vectors BLOB;
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, title VARCHAR, size INTEGER, centroid BLOB, state VARCHAR,
    data VARCHAR, dirty BOOLEAN
);
CREATE TABLE IF NOT EXISTS claim_groups (id VARCHAR, story VARCHAR, data VARCHAR);
CREATE TABLE IF NOT EXISTS errors (source VARCHAR PRIMARY KEY, error VARCHAR);
CREATE TABLE IF NOT EXISTS warnings (document VARCHAR, source VARCHAR, warning VARCHAR);
