import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Core } from 'cytoscape';
import type { GraphWorkspace, WorkspaceState } from '../workspace/GraphWorkspace.js';

/** React's view of the workspace: components read its state and call its commands. */
export const WorkspaceContext = createContext<GraphWorkspace | null>(null);

export function useWorkspace(): GraphWorkspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('No workspace');
  return ws;
}

export function useWorkspaceState(): WorkspaceState {
  const ws = useWorkspace();
  return useSyncExternalStore(ws.subscribe, ws.getState);
}

/** The canvas, once mounted (exports read pixels and drawn positions from it). */
export interface CanvasHandle { cy: Core | null }
export const CanvasContext = createContext<CanvasHandle>({ cy: null });
export const useCanvas = () => useContext(CanvasContext);
