/**
 * The package's types sit outside its "exports" map, so TypeScript's bundler resolution cannot
 * find them; this declares the part of its React component the panel uses.
 */
declare module '@neo4j-cypher/react-codemirror' {
  import type { Component } from 'react';

  export interface CypherEditorProps {
    value?: string;
    onValueChanged?: (value: string, changes?: unknown) => void;
    schema?: {
      labels?: string[];
      relationshipTypes?: string[];
      propertyKeys?: string[];
      functions?: { name: string; signature: string }[];
      procedures?: { name: string; signature: string; returnItems: { name: string; signature: string }[] }[];
      parameters?: string[];
    };
    readOnly?: boolean;
    autofocus?: boolean;
    lineWrapping?: boolean;
    lint?: boolean;
    placeholder?: string;
    theme?: 'light' | 'dark' | 'auto';
    className?: string;
  }

  export class CypherEditor extends Component<CypherEditorProps> {}
}
