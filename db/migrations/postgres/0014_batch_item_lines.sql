-- Every attempt of a payment line, live or not, found by the line (issue 5,
-- docs/disbursement.md §3). The partial unique index on live items serves
-- only queries that say `live = 1`; handing a batch's lines over, the audit
-- and the follow-ups look a line's attempts up whatever their state, and
-- without this index each such lookup scanned the batch: quadratic in its
-- size (a 220,000-line cash batch took minutes to open).
CREATE INDEX batch_items_line ON batch_items (line_ref);
