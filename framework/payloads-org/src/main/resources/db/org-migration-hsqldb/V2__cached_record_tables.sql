-- HSQLDB only. Its tables are MEMORY tables unless made otherwise: every row lives in the heap, and each
-- checkpoint rewrites all of them into the .script file. Records and their keys grow with the org, so they
-- are CACHED: rows live in the .data file, with a bounded cache of them in memory.
SET TABLE org_record TYPE CACHED;
SET TABLE org_record_key TYPE CACHED;
