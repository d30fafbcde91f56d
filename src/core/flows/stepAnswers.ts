/**
 * Engine calls that answer a pending sign-in step. Cognito answers one with NotAuthorizedException
 * only once the step's session is over (expired, used, too many wrong answers): the engine then
 * drops the step, and the UI says why it is back at sign-in.
 */
export const SIGN_IN_STEP_ANSWERS: ReadonlySet<string> = new Set(['confirmSignIn', 'completeNewPassword', 'sendCustomChallengeAnswer']);
