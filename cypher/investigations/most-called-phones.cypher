// name: Most-called phones
// description: Phones ranked by the calls made to them (the CALLS count, or one per calling phone
//   when no count is recorded), over the call records you can see.
// returns: table
// param: limit int = 20 -- how many phones
// param: idPrefix string = '' -- only phones whose id starts with this
// columns: number, calls, callers
MATCH (p:Phone)<-[c:CALLS]-(caller:Phone)
WHERE p.id STARTS WITH $idPrefix
  AND {{visible p}} AND {{visible c}} AND {{visible caller}}
  AND NOT coalesce(p.archived, false) AND NOT coalesce(c.archived, false)
WITH p, sum(coalesce(c.count, 1)) AS calls, count(DISTINCT caller) AS callers
RETURN p AS phone, p.number AS number, calls, callers
ORDER BY calls DESC, callers DESC, number
LIMIT $limit
