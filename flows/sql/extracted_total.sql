-- How many extracted events the warehouse holds after a load.
SELECT count(*) FROM events WHERE origin = 'extracted'
