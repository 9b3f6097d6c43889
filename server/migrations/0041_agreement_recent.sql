-- The agreement lists of the whole city (#15): newest term first straight from this index, and
-- counted from it with the state and late filters (term, termination, the report summary) without
-- reading the agreements or their orgs.
CREATE INDEX agreement_recent ON agreement (start_on, id, end_on, terminated_on, late_filed_reports, first_unfiled_due_on);
