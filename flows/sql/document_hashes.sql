-- The content hash of every document the warehouse holds: the baseline of "new/changed/unchanged".
SELECT doc_id, content_hash FROM documents
