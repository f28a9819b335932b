// name: CHIS-sourced reports per OCG
// description: How many reports from CHIS sources mention each group or one of its members. Counts
//   only what you may see: without the CHIS compartment the list is empty, and says nothing.
// returns: table
// param: idPrefix string = '' -- only groups whose id starts with this
// columns: reference, chisReports
MATCH (o:OCG)
WHERE o.id STARTS WITH $idPrefix AND {{visible o}} AND NOT coalesce(o.archived, false)
CALL (o) {
  MATCH (rep:IntelligenceReport)-[mn:MENTIONS]->(o)
  WHERE {{visible rep}} AND {{visible mn}}
  RETURN rep
  UNION
  MATCH (rep:IntelligenceReport)-[mn:MENTIONS]->(s:Subject)-[m:MEMBER_OF]->(o)
  WHERE {{visible rep}} AND {{visible mn}} AND {{visible s}} AND {{visible m}}
  RETURN rep
}
MATCH (rep)-[fs:FROM_SOURCE]->(src:Source {sourceType: 'CHIS'})
WHERE {{visible fs}} AND {{visible src}}
WITH o, count(DISTINCT rep) AS chisReports
WHERE chisReports > 0
RETURN o AS ocg, o.reference AS reference, chisReports
ORDER BY chisReports DESC, o.id
