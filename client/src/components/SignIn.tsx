import { useState, type FormEvent } from 'react';
import { messageOf } from '../workspace/GraphWorkspace.js';
import { useWorkspace } from '../ui/context.js';

export function SignIn() {
  const ws = useWorkspace();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await ws.signIn(username.trim(), password);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <div className="signin-page">
      <form className="signin" onSubmit={submit} data-testid="signin-form" aria-label="Sign in">
        <div className="brand big"><span className="brand-mark" aria-hidden>◆</span> Intelligence graph</div>
        <p className="muted">Authorised users only. Activity is recorded.</p>
        <label>
          Username
          <input data-testid="signin-username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Password
          <input data-testid="signin-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <div className="error" role="alert" data-testid="signin-error">{error}</div>}
        <button className="primary" type="submit" disabled={busy} data-testid="signin-submit">{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
