-- HSQLDB only. Its tables are MEMORY tables unless made otherwise: every row lives in the heap, and each
-- checkpoint rewrites all of them into the .script file. The job tables grow with every request received,
-- so they are CACHED: rows live in the .data file, with a bounded cache of them in memory.
SET TABLE job TYPE CACHED;
SET TABLE job_result TYPE CACHED;
SET TABLE job_attempt TYPE CACHED;
