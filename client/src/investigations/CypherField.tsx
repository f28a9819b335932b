import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useMemo } from 'react';
import { editorSchema, type CypherSchema } from './model.js';

/**
 * The Cypher editor (Neo4j's CodeMirror 6 package): highlighting, bracket matching, and completion
 * of labels, relationship types, property keys, functions and parameters from `cypherSchema`
 * (the model's names, never the data's).
 */
export function CypherField({ value, onChange, schema, params, readOnly }: {
  value: string;
  onChange(v: string): void;
  schema?: CypherSchema;
  params: string[];
  readOnly?: boolean;
}) {
  const editorSchemaValue = useMemo(() => editorSchema(schema, params), [schema, params]);
  return (
    <div className="inv-editor" data-testid="cypher-editor">
      <CypherEditor
        value={value}
        onValueChanged={(v: string) => onChange(v)}
        schema={editorSchemaValue}
        readOnly={readOnly}
        autofocus={false}
        lineWrapping
        lint
        placeholder="MATCH (s:Subject)-[:MEMBER_OF]->(o:OCG) RETURN s, o"
      />
    </div>
  );
}
