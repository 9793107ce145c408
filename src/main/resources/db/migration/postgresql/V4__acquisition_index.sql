-- Quartz acquires due triggers with
--   ... WHERE SCHED_NAME = ? AND TRIGGER_STATE = 'WAITING' AND NEXT_FIRE_TIME <= ?
--   ORDER BY NEXT_FIRE_TIME ASC, PRIORITY DESC
-- and takes the first few rows. With PRIORITY in the index, in that order, the database
-- reads the rows in index order and stops after those few; without it, it reads and
-- sorts every due trigger on each acquisition, so a burst of N due triggers cost N^2.
-- The new index has the old one's columns as its prefix, so it replaces it.
DROP INDEX IDX_QRTZ_T_NFT_ST;
CREATE INDEX IDX_QRTZ_T_NFT_ST
  ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC);
