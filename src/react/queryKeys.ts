/**
 * Query keys of the data hooks, so apps can invalidate them (`queryClient.invalidateQueries({
 * queryKey: authQueryKeys.credentials() })`). The last part is the principal: a user id or 'guest'.
 */
export const authQueryKeys = {
  all: ['cognito-react-kit'] as const,
  credentials: (principal?: string) =>
    principal === undefined ? (['cognito-react-kit', 'credentials'] as const) : (['cognito-react-kit', 'credentials', principal] as const),
  session: (principal?: string) =>
    principal === undefined ? (['cognito-react-kit', 'session'] as const) : (['cognito-react-kit', 'session', principal] as const),
  user: (principal?: string) =>
    principal === undefined ? (['cognito-react-kit', 'user'] as const) : (['cognito-react-kit', 'user', principal] as const),
};
