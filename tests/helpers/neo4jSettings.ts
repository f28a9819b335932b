/**
 * Planner settings of the databases the tests start. Test data is small and rewritten all the time,
 * so Neo4j's default (replan a statement whenever the counts behind its plan moved by 75%, at most
 * every 10 s) replanned the same statements over and over: with these, a plan stays until the
 * statement text changes. Answers do not depend on plans; the product keeps Neo4j's defaults.
 */
export const TEST_NEO4J_SETTINGS: Record<string, string> = {
  'dbms.cypher.statistics_divergence_threshold': '1.0',
  'dbms.cypher.min_replan_interval': '1h',
};
