// name: OCG operations outside the lead area with no impact record
// description: Areas a group operates in (OPERATES_IN) outside its lead area (OCG.leadArea, also
//   counting areas that are part of it) for which you can see no impact record: cross-boundary
//   impact that should be recorded, harm-assessed and disseminated to the affected partner.
// returns: graph
// param: idPrefix string = '' -- only groups whose id starts with this
// columns: leadArea, areaName
MATCH (o:OCG)-[op:OPERATES_IN]->(a:Area)
WHERE o.id STARTS WITH $idPrefix AND o.leadArea IS NOT NULL
  AND {{visible o}} AND {{visible op}} AND {{visible a}}
  AND NOT coalesce(o.archived, false) AND NOT coalesce(op.archived, false)
  AND NOT o.leadArea IN [v IN [a.id, a.code, a.label] WHERE v IS NOT NULL]
  AND NOT EXISTS { MATCH (a)-[:PART_OF]->{1,4}(p:Area) WHERE p.id = o.leadArea }
  AND NOT EXISTS { MATCH (i:ImpactRecord) WHERE i.ocgId = o.id AND i.areaId = a.id AND {{visible i}} }
RETURN o AS ocg, op AS operatesIn, a AS area, o.leadArea AS leadArea, a.label AS areaName
ORDER BY o.id, a.id
