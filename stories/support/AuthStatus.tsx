import { useAuth } from 'cognito-react-kit';

/** The engine's status as text, so a story shows (and a play function checks) what the hooks see. */
export function AuthStatus() {
  const status = useAuth((s) => s.status);
  const username = useAuth((s) => s.user?.username);
  return (
    <p role="status" className="crk-text">
      Status: {status}
      {username ? ` (${username})` : ''}
    </p>
  );
}
