/** Import files with every kind of fault a real export has, shared by the importer's tests. Ids start with `P`. */

/** A messy nodes file: BOM, CRLF, a blank line, stray spaces, accents, a quoted multi-line value. */
export function messyNodes(P: string): string {
  const rows = [
    /* 1 */ 'id , type,label,forename,surname,agency,handling,handlingConditions,sourceEvaluation,intelAssessment,text,dob,address,lat,lon',
    /* 2 */ `${P}-AG,Agency,Test agency ${P},,,${P}-AG,,,,,,,,,`,
    /* 3 */ `${P}-S1,Subject, Zoë  Brontë ,Zoë, Brontë ,${P}-AG,,,,,,1990-01-02,,,`,
    /* 4 */ '',
    /* 5 */ `${P}-S2,Subject,"Siân ""Shan"" O'Neill",Siân,O'Neill,${P}-AG,,,,,,,,,`,
    /* 6 */ `${P}-S1,Subject, Zoë  Brontë ,Zoë, Brontë ,${P}-AG,,,,,,1990-01-02,,,`,
    /* 7 */ `${P}-B1,Spaceship,Enterprise,,,${P}-AG,,,,,,,,,`,
    /* 8 */ `${P}-R1,IntelligenceReport,Bad grade,,,${P}-AG,,,4,B,Some text,,,,`,
    /* 9 */ `${P}-R2,IntelligenceReport,No conditions,,,${P}-AG,C,,2,B,Some text,,,,`,
    /* 10 */ `${P}-S3,Subject,Born later,,,${P}-AG,,,,,,2099-01-01,,,`,
    /* 11 */ `${P}-R3,IntelligenceReport,Good report,,,${P}-AG,C,C1;C4,1,A,"First line`,
    /* 12 */ `second line, with a comma",,,,`,
    /* 13 */ `${P}-L1,Location,,,,${P}-AG,,,,,,,"1 Rue de l'Église, Birmingham",52.48,-1.9`,
    /* 14 */ `${P}-S4,Subject,Too many,a,b,${P}-AG,,,,,,,,,,extra,columns`,
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function messyEdges(P: string): string {
  return [
    /* 1 */ 'source,target,type,reportIds,kind,agency',
    /* 2 */ `${P}-S1,${P}-S1,ASSOCIATE_OF,,FAMILY,${P}-AG`,
    /* 3 */ `${P}-S1,${P}-GHOST,ASSOCIATE_OF,,FAMILY,${P}-AG`,
    /* 4 */ `${P}-S1,${P}-S2,ASSOCIATE_OF,${P}-R3,FAMILY,${P}-AG`,
    /* 5 */ `${P}-R3,${P}-S1,MENTIONS,,,${P}-AG`,
    /* 6 */ ` ${P}-S1 , ${P}-L1 ,LIVES_AT,,,${P}-AG`,
    /* 7 */ `${P}-S1,${P}-S3,ASSOCIATE_OF,,,${P}-AG`,
    /* 8 */ `${P}-S1,${P}-S2,ASSOCIATE_OF,${P}-R3,FAMILY,${P}-AG`,
    '',
  ].join('\n');
}
