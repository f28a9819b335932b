// name: OCGs with fewer than three known members
// description: Groups with fewer than minMembers members you can see: a data-quality warning, since
//   a mapped group should have at least three known members.
// returns: table
// param: minMembers int = 3 -- flag groups with fewer members than this
// param: includeDormant bool = false -- also list dormant and archived-status groups
// param: idPrefix string = '' -- only groups whose id starts with this
// columns: reference, status, members
MATCH (o:OCG)
WHERE o.id STARTS WITH $idPrefix AND {{visible o}} AND NOT coalesce(o.archived, false)
  AND ($includeDormant OR coalesce(o.status, 'ACTIVE') = 'ACTIVE')
OPTIONAL MATCH (s:Subject)-[m:MEMBER_OF]->(o)
WHERE {{visible s}} AND {{visible m}} AND NOT coalesce(m.archived, false) AND NOT coalesce(s.archived, false)
WITH o, count(DISTINCT s) AS members
WHERE members < $minMembers
RETURN o AS ocg, o.reference AS reference, o.status AS status, members
ORDER BY members, o.id
