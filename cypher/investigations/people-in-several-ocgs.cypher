// name: People in two or more OCGs
// description: Subjects with memberships of at least minGroups organised crime groups (as far as
//   you can see): people who bridge groups are often facilitators, brokers or points of conflict.
// returns: graph
// param: minGroups int = 2 -- how many groups at least
// param: idPrefix string = '' -- only subjects whose id starts with this
// columns: groupCount
MATCH (s:Subject)-[m:MEMBER_OF]->(o:OCG)
WHERE s.id STARTS WITH $idPrefix
  AND {{visible s}} AND {{visible m}} AND {{visible o}}
  AND NOT coalesce(s.archived, false) AND NOT coalesce(m.archived, false) AND NOT coalesce(o.archived, false)
WITH s, collect(m) AS memberships, collect(DISTINCT o) AS groups
WHERE size(groups) >= $minGroups
RETURN s AS subject, memberships, groups, size(groups) AS groupCount
ORDER BY groupCount DESC, s.id
