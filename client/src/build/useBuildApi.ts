import { useMemo } from 'react';
import { ApiError, type GraphQLApi } from '../api.js';
import type { GraphWorkspace } from '../workspace/GraphWorkspace.js';
import { useWorkspace } from '../ui/context.js';
import { BuildApi } from './api.js';
import { ukMessage } from './recordForm.js';

export function useBuildApi(): BuildApi {
  const ws = useWorkspace();
  return useMemo(() => new BuildApi(ws.api as unknown as GraphQLApi), [ws]);
}

/**
 * A write the server refused, as a message for the form (on its field when it names one); an
 * ended session signs out instead and gives nothing to show.
 */
export function writeRefusal(e: unknown, ws: GraphWorkspace): { field?: string; message: string } | null {
  if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
    ws.sessionEnded();
    return null;
  }
  const message = ukMessage(e instanceof Error ? e.message : String(e));
  return { field: e instanceof ApiError ? e.field : undefined, message };
}
