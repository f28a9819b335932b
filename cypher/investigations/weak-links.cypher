// name: Weak links
// description: Links whose evidence strength (derived from their supporting reports' grades, 1A
//   strongest) is below maxStrength: the weakest parts of a network picture.
// returns: graph
// param: maxStrength float = 0.3 -- strength below this (0 to 1)
// param: linkTypes list = [] -- link types to include; empty for all
// param: idPrefix string = '' -- only links from entities whose id starts with this
// columns: strength
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id STARTS WITH $idPrefix AND r.strength IS NOT NULL AND r.strength < $maxStrength
  AND (size($linkTypes) = 0 OR type(r) IN $linkTypes)
  AND {{visible a}} AND {{visible r}} AND {{visible b}} AND NOT coalesce(r.archived, false)
RETURN a AS fromEntity, r AS link, b AS toEntity, r.strength AS strength
ORDER BY strength, r.id
