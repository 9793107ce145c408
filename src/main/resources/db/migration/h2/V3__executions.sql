-- Every run of every job. Written in batches by one writer thread off the firing path;
-- ids come from a sequence handed out in blocks of 50 so that inserts can be batched.
CREATE SEQUENCE TK_EXECUTION_SEQ START WITH 1 INCREMENT BY 50;

CREATE TABLE TK_EXECUTION
(
  ID           BIGINT                   NOT NULL PRIMARY KEY,
  JOB_GROUP    VARCHAR(100)             NOT NULL,
  JOB_NAME     VARCHAR(100)             NOT NULL,
  JOB_TYPE     VARCHAR(100)             NOT NULL,
  -- the Quartz instance id of the node that ran it, and Quartz's id of the fire
  NODE         VARCHAR(200)             NOT NULL,
  FIRE_ID      VARCHAR(200),
  SCHEDULED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  STARTED_AT   TIMESTAMP WITH TIME ZONE NOT NULL,
  FINISHED_AT  TIMESTAMP WITH TIME ZONE NOT NULL,
  DURATION_MS  BIGINT                   NOT NULL,
  OUTCOME      VARCHAR(16)              NOT NULL,
  ATTEMPT      INT                      NOT NULL,
  ERROR        VARCHAR(2000),
  RESULT       CHARACTER VARYING
);

-- a job's history, newest first, and its latest run
CREATE INDEX IDX_TK_EXECUTION_JOB ON TK_EXECUTION (JOB_GROUP, JOB_NAME, STARTED_AT);
-- all history newest first, and retention by age
CREATE INDEX IDX_TK_EXECUTION_STARTED ON TK_EXECUTION (STARTED_AT);
CREATE INDEX IDX_TK_EXECUTION_OUTCOME ON TK_EXECUTION (OUTCOME, STARTED_AT);
