-- Which typing model a run used ('none', or the model directory's name and training-data
-- fingerprint, e.g. 'model@3f2a9c1b0d4e'); NULL for runs before this migration and for runs
-- that extract nothing (imports).
ALTER TABLE runs ADD COLUMN model VARCHAR;
