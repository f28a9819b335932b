import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphQLApi } from './api.js';
import { App } from './components/App.js';
import { LocalChartStore, MemoryStorage, type KeyValueStorage } from './workspace/chartStore.js';
import { GraphWorkspace } from './workspace/GraphWorkspace.js';
import { WorkspaceContext } from './ui/context.js';
import './styles.css';

function browserStorage(): KeyValueStorage {
  try {
    localStorage.setItem('intel-graph.probe', '1');
    localStorage.removeItem('intel-graph.probe');
    return localStorage;
  } catch {
    return new MemoryStorage();
  }
}

const storage = browserStorage();
const workspace = new GraphWorkspace(new GraphQLApi('/graphql'), {
  charts: (viewer) => new LocalChartStore(storage, viewer.username),
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
