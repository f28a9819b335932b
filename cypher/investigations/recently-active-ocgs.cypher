// name: Recently active OCGs
// description: Groups mentioned, directly or through a member, in reports recorded (or about events)
//   in the days up to asOf, with how many such reports and the latest date.
// returns: table
// param: days int = 30 -- the window, in days
// param: asOf date = today -- the last day of the window
// param: idPrefix string = '' -- only groups whose id starts with this
// columns: reference, reports, lastReport
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
WITH o, rep, coalesce(date(datetime(rep.recordedAt)), date(rep.eventDate)) AS day
WHERE day > $asOf - duration({days: $days}) AND day <= $asOf
WITH o, count(DISTINCT rep) AS reports, max(day) AS last
RETURN o AS ocg, o.reference AS reference, reports, toString(last) AS lastReport
ORDER BY reports DESC, o.id
