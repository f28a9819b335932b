// name: Addresses shared by nominals of different OCGs
// description: Locations where members of two or more different groups live: safe houses, family
//   ties or shared premises between groups.
// returns: graph
// param: idPrefix string = '' -- only locations whose id starts with this
// columns: groupCount, residentCount
MATCH (l:Location)<-[la:LIVES_AT]-(s:Subject)-[m:MEMBER_OF]->(o:OCG)
WHERE l.id STARTS WITH $idPrefix
  AND {{visible l}} AND {{visible la}} AND {{visible s}} AND {{visible m}} AND {{visible o}}
  AND NOT coalesce(l.archived, false) AND NOT coalesce(la.archived, false) AND NOT coalesce(s.archived, false)
  AND NOT coalesce(m.archived, false) AND NOT coalesce(o.archived, false)
WITH l, collect(DISTINCT o) AS groups, collect(DISTINCT s) AS residents, collect(DISTINCT la) + collect(DISTINCT m) AS links
WHERE size(groups) >= 2
RETURN l AS address, residents, groups, links, size(groups) AS groupCount, size(residents) AS residentCount
ORDER BY groupCount DESC, l.id
