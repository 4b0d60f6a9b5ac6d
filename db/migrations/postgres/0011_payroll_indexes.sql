-- Indexes for the payroll run's reads (issue 4 item 10). PostgreSQL dialect; the
-- SQLite file says the same.

-- The status changes a run turns into suspension spans, covering the query
-- of store/payroll_facts_store.cc (its WHERE repeats this one's, so the
-- planner can use it): the run no longer reads every history row of the
-- office (large sealed before/after records, one per import at least) to
-- find the few suspensions and reinstatements.
CREATE INDEX beneficiary_history_status_changes
  ON beneficiary_history (beneficiary_id, changed_at, id, change_kind, effective_month)
  WHERE change_kind IN ('suspended', 'reinstated', 'reinstated_back_pay');
