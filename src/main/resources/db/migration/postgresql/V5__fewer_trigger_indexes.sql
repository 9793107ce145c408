-- Every change of a trigger's state or next fire time is a new row version with an entry
-- in each index of QRTZ_TRIGGERS, and a fire changes its trigger twice. Quartz's schema
-- gives it 13 indexes; during a PostgreSQL burst, commits waiting for that WAL were a third
-- of the scheduler thread's time. These five serve no query that another index does not
-- serve as well: each is a prefix of one that stays, or the primary key is a prefix of
-- it, or it serves calendars, which Timekeeper does not use. Two state changes of 5,000
-- triggers wrote 14.4-16.0 MB of WAL with them and 10.0-10.2 MB without (PostgreSQL 15).
--   IDX_QRTZ_T_G (SCHED_NAME, TRIGGER_GROUP)           prefix of IDX_QRTZ_T_N_G_STATE
--   IDX_QRTZ_T_STATE (SCHED_NAME, TRIGGER_STATE)       prefix of IDX_QRTZ_T_NFT_ST
--   IDX_QRTZ_T_NFT_MISFIRE (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME)
--                                                      prefix of IDX_QRTZ_T_NFT_ST_MISFIRE
--   IDX_QRTZ_T_N_STATE (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP, TRIGGER_STATE)
--                                                      the primary key finds the one row
--   IDX_QRTZ_T_C (SCHED_NAME, CALENDAR_NAME)           calendars
-- and on QRTZ_FIRED_TRIGGERS, inserted and deleted once per fire:
--   IDX_QRTZ_FT_TRIG_INST_NAME (SCHED_NAME, INSTANCE_NAME)
--                                                      prefix of IDX_QRTZ_FT_INST_JOB_REQ_RCVRY
DROP INDEX IDX_QRTZ_T_G;
DROP INDEX IDX_QRTZ_T_STATE;
DROP INDEX IDX_QRTZ_T_NFT_MISFIRE;
DROP INDEX IDX_QRTZ_T_N_STATE;
DROP INDEX IDX_QRTZ_T_C;
DROP INDEX IDX_QRTZ_FT_TRIG_INST_NAME;
