export { InvestigationsPanel } from './InvestigationsPanel.js';
export type { InvestigationsApi, InvestigationResult, Investigation, CypherSchema } from './model.js';
