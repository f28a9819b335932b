// name: Vehicles used by members of several OCGs
// description: Vehicles used by members of at least minGroups groups, with how many groups and users.
// returns: table
// param: minGroups int = 2 -- how many groups at least
// param: idPrefix string = '' -- only vehicles whose id starts with this
// columns: vrm, groupCount, users
MATCH (v:Vehicle)<-[u:USES_VEHICLE]-(s:Subject)-[m:MEMBER_OF]->(o:OCG)
WHERE v.id STARTS WITH $idPrefix
  AND {{visible v}} AND {{visible u}} AND {{visible s}} AND {{visible m}} AND {{visible o}}
  AND NOT coalesce(v.archived, false) AND NOT coalesce(u.archived, false) AND NOT coalesce(s.archived, false)
  AND NOT coalesce(m.archived, false) AND NOT coalesce(o.archived, false)
WITH v, count(DISTINCT o) AS groupCount, count(DISTINCT s) AS users, collect(DISTINCT o) AS groups
WHERE groupCount >= $minGroups
RETURN v AS vehicle, v.vrm AS vrm, groupCount, users, groups
ORDER BY groupCount DESC, users DESC, vrm
