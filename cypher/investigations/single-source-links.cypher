// name: Links resting on a single uncorroborated source
// description: Links all of whose supporting reports (those you may see) come from one source:
//   however many reports there are, nothing independent corroborates them.
// returns: graph
// param: minReports int = 1 -- links with at least this many supporting reports
// param: idPrefix string = '' -- only links from entities whose id starts with this
// columns: reports
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id STARTS WITH $idPrefix AND size(coalesce(r.reportIds, [])) > 0
  AND {{visible a}} AND {{visible r}} AND {{visible b}} AND NOT coalesce(r.archived, false)
CALL (r) {
  UNWIND r.reportIds AS rid
  MATCH (rep:IntelligenceReport {id: rid})
  WHERE {{visible rep}}
  OPTIONAL MATCH (rep)-[fs:FROM_SOURCE]->(src:Source)
  WHERE {{visible fs}} AND {{visible src}}
  RETURN count(DISTINCT rep) AS reports, count(src) AS sourced, collect(DISTINCT src) AS sources
}
WITH a, r, b, reports, sourced, sources
WHERE reports >= $minReports AND sourced = reports AND size(sources) = 1
RETURN a AS fromEntity, r AS link, b AS toEntity, sources[0] AS source, reports
ORDER BY reports DESC, r.id
