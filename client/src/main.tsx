import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EDGE_FIELDS, GraphQLApi, NODE_FIELDS } from './api.js';
import { App } from './components/App.js';
import { ServerChartStore } from './workspace/chartStore.js';
import { GraphWorkspace } from './workspace/GraphWorkspace.js';
import { WorkspaceContext } from './ui/context.js';
import './styles.css';

const api = new GraphQLApi('/graphql');
const workspace = new GraphWorkspace(api, {
  charts: () => new ServerChartStore(api, { node: NODE_FIELDS, edge: EDGE_FIELDS }),
});
// Browser tests and benchmarks drive the controller directly.
(window as unknown as { __workspace: GraphWorkspace }).__workspace = workspace;
void workspace.restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WorkspaceContext.Provider value={workspace}>
      <App />
    </WorkspaceContext.Provider>
  </StrictMode>,
);
