-- The drill-down behind a month's figure (the requests received that month, newest first): walked
-- in this order, a page stops after its rows instead of sorting the month's requests.
CREATE INDEX request_month_received ON request (received_month, received_at, id);
