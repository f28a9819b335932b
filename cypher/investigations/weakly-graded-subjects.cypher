// name: Subjects whose links rest only on weak grading
// description: Subjects every graded link of whom rests only on weak reports (source evaluation 3,
//   or intelligence assessment D or E), as far as you can see: corroborate before acting on them.
// returns: graph
// param: idPrefix string = '' -- only subjects whose id starts with this
// columns: weakLinks
MATCH (s:Subject)-[r]-(x:Entity)
WHERE s.id STARTS WITH $idPrefix AND size(coalesce(r.reportIds, [])) > 0
  AND {{visible s}} AND {{visible r}} AND {{visible x}}
  AND NOT coalesce(s.archived, false) AND NOT coalesce(r.archived, false)
CALL (r) {
  UNWIND r.reportIds AS rid
  MATCH (rep:IntelligenceReport {id: rid})
  WHERE {{visible rep}}
  RETURN count(rep) AS reports,
         count(CASE WHEN rep.sourceEvaluation = '3' OR rep.intelAssessment IN ['D', 'E'] THEN 1 END) AS weak
}
WITH s, collect(CASE WHEN reports > 0 THEN {link: r, other: x, weak: reports = weak} END) AS graded
WHERE size(graded) > 0 AND all(g IN graded WHERE g.weak)
RETURN s AS subject, [g IN graded | g.link] AS links, [g IN graded | g.other] AS linked, size(graded) AS weakLinks
ORDER BY weakLinks DESC, s.id
