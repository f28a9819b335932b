// name: Requirement questions with no answers
// description: Questions of intelligence requirements that no report you can see answers (no
//   ANSWERS link), with the requirement that asks them: gaps for the collection plan.
// returns: graph
// param: idPrefix string = '' -- only questions whose id starts with this
// columns: reviewPeriodDays
MATCH (q:Question)
WHERE q.id STARTS WITH $idPrefix AND {{visible q}} AND NOT coalesce(q.archived, false)
  AND NOT EXISTS {
    MATCH (rep:IntelligenceReport)-[a:ANSWERS]->(q)
    WHERE {{visible rep}} AND {{visible a}} AND NOT coalesce(a.archived, false)
  }
OPTIONAL MATCH (req:IntelligenceRequirement)-[k:ASKS]->(q)
WHERE {{visible req}} AND {{visible k}}
RETURN q AS question, req AS requirement, k AS asks, q.reviewPeriodDays AS reviewPeriodDays
ORDER BY q.id
