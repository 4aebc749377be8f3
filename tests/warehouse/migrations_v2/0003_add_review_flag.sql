-- 0002: a test-only migration adding a column in place.
ALTER TABLE events ADD COLUMN reviewed BOOLEAN DEFAULT false;
