// The bare sign-in form of the react and engine pages: three plain elements, no styles.
export function BareForm({ onSubmit }) {
  return (
    <form onSubmit={onSubmit}>
      <label>
        Username <input name="username" autoComplete="username" />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" />
      </label>
      <button type="submit">Sign in</button>
    </form>
  );
}
