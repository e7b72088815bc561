-- The built-in SCCO helper shows an app caller's authenticated userId to the callee, unless the
-- project lets its clients choose the name shown (issue 13, row I). Off for every project.
ALTER TABLE project ADD COLUMN client_chosen_caller_names BOOLEAN NOT NULL DEFAULT FALSE;
