import { useState, type FormEvent } from 'react';
import { CLASSIFICATIONS, OCG_ROLES } from '../../../server/domain/codes.js';
import { ANNOTATION_DEFAULTS, type Comparison, type Condition, type RuleEffect, type StyleRule } from '../organise/model.js';
import { describeCondition, describeEffect, ruleProblems } from '../organise/rules.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ENTITY_TYPE_NAMES, entityTitle, humanCode } from '../ui/format.js';

/** The organisation dialog open (see WorkspaceState.editing): a group's name, an annotation, the styling rules. */
export function OrganiseDialogs() {
  const s = useWorkspaceState();
  const e = s.editing;
  if (!e) return null;
  if (e.kind === 'group') return <GroupDialog key={e.id} id={e.id} />;
  if (e.kind === 'annotation') return <AnnotationDialog key={e.id} id={e.id} />;
  return <RulesDialog />;
}

function Shell({ label, testid, children, onSubmit }: { label: string; testid: string; children: React.ReactNode; onSubmit?(e: FormEvent): void }) {
  const ws = useWorkspace();
  return (
    <div className="overlay" role="dialog" aria-modal aria-label={label} onMouseDown={(e) => { if (e.target === e.currentTarget) ws.edit(null); }}>
      <form className="dialog organise-dialog" data-testid={testid} onSubmit={(e) => { e.preventDefault(); onSubmit?.(e); }}>
        <button type="button" className="close" onClick={() => ws.edit(null)} aria-label="Close" data-testid="organise-close">×</button>
        <h2>{label}</h2>
        {children}
      </form>
    </div>
  );
}

function GroupDialog({ id }: { id: string }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const g = s.organise.groups.find((x) => x.id === id);
  const [label, setLabel] = useState(g?.label ?? '');
  if (!g) return null;
  const names = g.members.map((m) => s.doc.nodes.get(m)?.data.label).filter(Boolean);
  return (
    <Shell label={g.kind === 'ocg' ? 'Collapsed group' : 'Group'} testid="group-dialog" onSubmit={() => { ws.renameGroup(id, label); ws.edit(null); }}>
      <label className="field">Name
        <input autoFocus value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} data-testid="group-label" />
      </label>
      <p className="small muted">{names.length} on the chart: {names.slice(0, 12).join(', ')}{names.length > 12 ? ', …' : ''}</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => { ws.ungroup([id]); ws.edit(null); }} data-testid="group-dialog-ungroup">{g.kind === 'ocg' ? 'Expand' : 'Ungroup'}</button>
        <button type="submit" className="primary" disabled={!label.trim()} data-testid="group-save">Save</button>
      </div>
    </Shell>
  );
}

function AnnotationDialog({ id }: { id: string }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const a = s.organise.annotations.find((x) => x.id === id);
  const [text, setText] = useState(a?.text ?? '');
  const [width, setWidth] = useState(String(a?.width ?? ''));
  const [height, setHeight] = useState(String(a?.height ?? ''));
  const [colour, setColour] = useState(a?.colour ?? '#000000');
  if (!a) return null;
  const w = Number(width);
  const h = Number(height);
  const sizeOk = w >= 40 && w <= 4000 && h >= 24 && h <= 4000;
  const title = ANNOTATION_DEFAULTS[a.kind].title;
  return (
    <Shell label={title} testid="annotation-dialog" onSubmit={() => { if (!sizeOk) return; ws.updateAnnotation(id, { text, width: w, height: h, colour }); ws.edit(null); }}>
      <label className="field">{a.kind === 'note' ? 'Text' : 'Label'}
        <textarea autoFocus rows={a.kind === 'note' ? 4 : 2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid="annotation-text" />
      </label>
      <div className="row">
        <label className="field">Width <input type="number" min={40} max={4000} value={width} onChange={(e) => setWidth(e.target.value)} data-testid="annotation-width" /></label>
        <label className="field">Height <input type="number" min={24} max={4000} value={height} onChange={(e) => setHeight(e.target.value)} data-testid="annotation-height" /></label>
        <label className="field">Colour <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} data-testid="annotation-colour" /></label>
      </div>
      {!sizeOk && <p className="error small" role="alert">Width 40–4000 and height 24–4000 pixels.</p>}
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={() => { ws.deleteAnnotation(id); ws.edit(null); }} data-testid="annotation-delete">Delete</button>
        <button type="submit" className="primary" disabled={!sizeOk} data-testid="annotation-save">Save</button>
      </div>
    </Shell>
  );
}

type ConditionKind = Condition['kind'];
const KIND_TITLES: Record<ConditionKind, string> = { type: 'Entity type', property: 'Property', marking: 'Marking', role: 'OCG role', degree: 'Links on the chart' };
const BADGES = ['', '★', '⚠', '●', '◆', '✚', '!', '?'];

/** The styling rules: a list in priority order (first match decides), and a form to add one. */
function RulesDialog() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const rules = s.organise.rules;
  const [kind, setKind] = useState<ConditionKind>('type');
  const [type, setType] = useState('Subject');
  const [key, setKey] = useState('');
  const [op, setOp] = useState<Comparison>('equals');
  const [value, setValue] = useState('');
  const [classification, setClassification] = useState<string>(CLASSIFICATIONS[1]);
  const [role, setRole] = useState('ANY');
  const [degreeOp, setDegreeOp] = useState<'gt' | 'lt' | 'equals'>('gt');
  const [useColour, setUseColour] = useState(true);
  const [colour, setColour] = useState('#7c3aed');
  const [size, setSize] = useState('');
  const [badge, setBadge] = useState('');
  const [tried, setTried] = useState(false);

  const when: Condition = kind === 'type' ? { kind, type }
    : kind === 'property' ? { kind, key: key.trim(), op, value: value.trim() }
    : kind === 'marking' ? { kind, classification }
    : kind === 'role' ? { kind, role }
    : { kind, op: degreeOp, value: value.trim() === '' ? NaN : Number(value) };
  const then: RuleEffect = { ...(useColour ? { colour } : {}), ...(size ? { size: Number(size) } : {}), ...(badge ? { badge } : {}) };
  const problems = ruleProblems({ when, then });
  const add = () => {
    setTried(true);
    if (problems.length) return;
    ws.addRule({ enabled: true, when, then });
    setTried(false);
    setValue('');
  };
  const say = (r: Pick<StyleRule, 'when'>) => describeCondition(r.when, { entity: entityTitle, code: humanCode });

  return (
    <Shell label="Styling rules" testid="rules-dialog" onSubmit={add}>
      <p className="small muted">Rules are read from the top: for colour, size and badge, the first enabled rule that matches decides. Restricted entities are never styled by rules.</p>
      {rules.length === 0 ? <p className="small" data-testid="rules-empty">No rules yet.</p> : (
        <ol className="rule-list" data-testid="rule-list">
          {rules.map((r, i) => (
            <li key={r.id} data-testid="rule-row" data-rule={r.id} className={r.enabled ? '' : 'disabled'}>
              <label className="inline" title={r.enabled ? 'Disable this rule' : 'Enable this rule'}>
                <input type="checkbox" checked={r.enabled} onChange={(e) => ws.setRuleEnabled(r.id, e.target.checked)} data-testid="rule-enabled" aria-label={`Rule ${i + 1} enabled`} />
              </label>
              <RuleSwatch effect={r.then} />
              <span className="rule-text">{say(r)} → {describeEffect(r.then)}</span>
              <button type="button" className="icon" disabled={i === 0} onClick={() => ws.moveRule(r.id, -1)} aria-label={`Move rule ${i + 1} up`} data-testid="rule-up">↑</button>
              <button type="button" className="icon" disabled={i === rules.length - 1} onClick={() => ws.moveRule(r.id, 1)} aria-label={`Move rule ${i + 1} down`} data-testid="rule-down">↓</button>
              <button type="button" className="icon" onClick={() => ws.removeRule(r.id)} aria-label={`Remove rule ${i + 1}`} data-testid="rule-remove">×</button>
            </li>
          ))}
        </ol>
      )}
      <fieldset className="rule-form">
        <legend>Add a rule</legend>
        <div className="row">
          <label className="field">When
            <select value={kind} onChange={(e) => { setKind(e.target.value as ConditionKind); setValue(''); }} data-testid="rule-kind">
              {(Object.keys(KIND_TITLES) as ConditionKind[]).map((k) => <option key={k} value={k}>{KIND_TITLES[k]}</option>)}
            </select>
          </label>
          {kind === 'type' && (
            <label className="field">is
              <select value={type} onChange={(e) => setType(e.target.value)} data-testid="rule-type">
                {ENTITY_TYPE_NAMES.map((t) => <option key={t} value={t}>{entityTitle(t)}</option>)}
              </select>
            </label>
          )}
          {kind === 'property' && (
            <>
              <label className="field">name <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="e.g. surname" data-testid="rule-key" /></label>
              <label className="field">
                <select value={op} onChange={(e) => setOp(e.target.value as Comparison)} aria-label="Comparison" data-testid="rule-op">
                  <option value="equals">equals</option><option value="contains">contains</option><option value="gt">greater than</option><option value="lt">less than</option>
                </select>
              </label>
              <label className="field">value <input value={value} onChange={(e) => setValue(e.target.value)} data-testid="rule-value" /></label>
            </>
          )}
          {kind === 'marking' && (
            <label className="field">is
              <select value={classification} onChange={(e) => setClassification(e.target.value)} data-testid="rule-marking">
                {CLASSIFICATIONS.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
          )}
          {kind === 'role' && (
            <label className="field">is
              <select value={role} onChange={(e) => setRole(e.target.value)} data-testid="rule-role">
                <option value="ANY">any role</option>
                {OCG_ROLES.map((r) => <option key={r} value={r}>{humanCode(r)}</option>)}
              </select>
            </label>
          )}
          {kind === 'degree' && (
            <>
              <label className="field">
                <select value={degreeOp} onChange={(e) => setDegreeOp(e.target.value as 'gt' | 'lt' | 'equals')} aria-label="Comparison" data-testid="rule-degree-op">
                  <option value="gt">more than</option><option value="lt">fewer than</option><option value="equals">exactly</option>
                </select>
              </label>
              <label className="field">links <input type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)} data-testid="rule-value" /></label>
            </>
          )}
        </div>
        <div className="row">
          <label className="inline"><input type="checkbox" checked={useColour} onChange={(e) => setUseColour(e.target.checked)} data-testid="rule-use-colour" /> Colour</label>
          <input type="color" value={colour} disabled={!useColour} onChange={(e) => setColour(e.target.value)} aria-label="Rule colour" data-testid="rule-colour" />
          <label className="field">Size
            <select value={size} onChange={(e) => setSize(e.target.value)} data-testid="rule-size">
              <option value="">unchanged</option><option value="24">small</option><option value="50">large</option><option value="70">very large</option>
            </select>
          </label>
          <label className="field">Badge
            <select value={badge} onChange={(e) => setBadge(e.target.value)} data-testid="rule-badge">
              {BADGES.map((b) => <option key={b} value={b}>{b || 'none'}</option>)}
            </select>
          </label>
        </div>
        {tried && problems.length > 0 && <ul className="error small" role="alert" data-testid="rule-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
        <div className="dialog-actions">
          <button type="submit" className="primary" data-testid="rule-add">Add rule</button>
        </div>
      </fieldset>
    </Shell>
  );
}

/** A rule's look in miniature (editor and legend). */
export function RuleSwatch({ effect }: { effect: RuleEffect }) {
  const d = effect.size ? Math.max(8, Math.min(18, effect.size / 3)) : 12;
  return (
    <span className="rule-swatch" aria-hidden>
      <span style={{ width: d, height: d, background: effect.colour ?? 'transparent', borderColor: effect.colour ?? '#64748b' }} />
      {effect.badge && <b>{effect.badge}</b>}
    </span>
  );
}
