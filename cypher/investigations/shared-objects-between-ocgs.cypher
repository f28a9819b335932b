// name: Phones or vehicles shared between OCGs
// description: Phones and vehicles used by members of two or more different groups, or by one group
//   and a member of another: shared logistics that link otherwise separate groups.
// returns: graph
// param: objectTypes list = [Phone, Vehicle] -- Phone, Vehicle or both
// param: idPrefix string = '' -- only objects whose id starts with this
// columns: groupCount
MATCH (x:Entity)
WHERE x.id STARTS WITH $idPrefix AND (x:Phone OR x:Vehicle) AND x.type IN $objectTypes
  AND {{visible x}} AND NOT coalesce(x.archived, false)
CALL (x) {
  MATCH (x)<-[u:USES_PHONE|USES_VEHICLE]-(s:Subject)-[m:MEMBER_OF]->(o:OCG)
  WHERE {{visible u}} AND {{visible s}} AND {{visible m}} AND {{visible o}}
    AND NOT coalesce(u.archived, false) AND NOT coalesce(s.archived, false)
    AND NOT coalesce(m.archived, false) AND NOT coalesce(o.archived, false)
  RETURN o, [u, m] AS via
  UNION
  MATCH (x)<-[u:USES_VEHICLE]-(o:OCG)
  WHERE {{visible u}} AND {{visible o}} AND NOT coalesce(u.archived, false) AND NOT coalesce(o.archived, false)
  RETURN o, [u] AS via
}
WITH x, collect(DISTINCT o) AS groups, collect(via) AS vias
WHERE size(groups) >= 2
RETURN x AS object, groups, reduce(acc = [], v IN vias | acc + v) AS links, size(groups) AS groupCount
ORDER BY groupCount DESC, x.id
