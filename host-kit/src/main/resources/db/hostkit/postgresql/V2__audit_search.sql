-- PostgreSQL's version of ../V2__audit_search.sql: the same columns, back-fill and indexes; the actor's index
-- compares by code point (varchar_pattern_ops), which a LIKE prefix needs whatever the database's collation.
--
-- The audit log searched and paged at a district's size (a million entries and more): each entry's outcome, the
-- actor's name lower-cased for a case-insensitive prefix search, and an index per filter that ends in the time and
-- the id, so that a filtered page is read newest first straight from the index (keyset paging on the time and the
-- id, never OFFSET). The time's own index takes the id too, in place of V1's.
-- Which filter uses which index is written beside the query, in org.nre.hostkit.audit.AuditSearch.
--
-- The defaults keep a node of the previous release writing while others already run this one.

ALTER TABLE host_audit ADD COLUMN outcome VARCHAR(8) DEFAULT 'SUCCESS' NOT NULL;
ALTER TABLE host_audit ADD COLUMN actor_key VARCHAR(200) DEFAULT '' NOT NULL;

-- Entries written before outcomes were kept: their outcome as their action says it (see AuditStore.outcomeOf).
UPDATE host_audit SET actor_key = LOWER(actor_name);
UPDATE host_audit SET outcome = 'REFUSED'
 WHERE action = 'refused' OR action LIKE '%.denied' OR action LIKE '%.refused' OR action LIKE '%.throttled'
    OR action LIKE '%.busy'
    OR (action = 'panel.action' AND (detail LIKE '% -> invalid: %' OR detail LIKE '% -> conflict: %'));
UPDATE host_audit SET outcome = 'FAILED'
 WHERE action LIKE '%.failed'
    OR (action = 'panel.action' AND (detail LIKE '% -> plugin failed' OR detail LIKE '% -> unavailable: %'));

CREATE INDEX ix_host_audit_at_id ON host_audit (at, id);
CREATE INDEX ix_host_audit_actor ON host_audit (actor_key varchar_pattern_ops, at, id);
CREATE INDEX ix_host_audit_action ON host_audit (action, at, id);
CREATE INDEX ix_host_audit_outcome ON host_audit (outcome, at, id);
DROP INDEX ix_host_audit_at;
