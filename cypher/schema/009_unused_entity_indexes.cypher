// Range indexes on every entity's type, label and updatedAt, made by earlier versions of
// 002_indexes.cypher. No statement of the platform can use them (the type is also the record's
// label, lists sort and filter on what the viewer is shown, search goes through the full-text
// index) and no read of the benchmark or the test suite ever did, while every entity written and
// every bulk load paid for all three. Removed from stores that have them.
DROP INDEX entity_type IF EXISTS;
DROP INDEX entity_label IF EXISTS;
DROP INDEX entity_updated IF EXISTS;
