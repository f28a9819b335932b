import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EDGE_FIELDS, GraphQLApi, NODE_FIELDS } from './api.js';
import { App } from './components/App.js';
import { MemoryStorage, ServerChartStore } from './workspace/chartStore.js';
import { GraphWorkspace } from './workspace/GraphWorkspace.js';
import { WorkspaceContext } from './ui/context.js';
import './styles.css';

const api = new GraphQLApi('/graphql');
// Where a server chart's organisation is kept (see ServerChartStore): this browser's storage, if allowed.
const storage = (() => {
  try {
    localStorage.getItem('intel-graph.probe');
    return localStorage;
  } catch {
    return new MemoryStorage();
  }
})();
const workspace = new GraphWorkspace(api, {
  charts: (viewer) => new ServerChartStore(api, { node: NODE_FIELDS, edge: EDGE_FIELDS }, { storage, owner: viewer.id }),
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
