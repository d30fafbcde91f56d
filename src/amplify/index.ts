// cognito-react-kit/amplify: Amplify's app-wide names (`Amplify`, `Hub`, `I18n`) and v6's auth
// functions, so an Amplify app ports by changing its imports. Every name is listed.
export { Amplify } from './Amplify';
export { Hub } from './Hub';
export type { HubCapsule } from './Hub';
export { I18n } from './I18n';
export {
  signIn,
  confirmSignIn,
  signUp,
  confirmSignUp,
  resendSignUpCode,
  autoSignIn,
  resetPassword,
  confirmResetPassword,
  getCurrentUser,
  signOut,
  fetchAuthSession,
  fetchUserAttributes,
  updatePassword,
  deleteUser,
  signInWithRedirect,
} from './auth';
export type { AuthSessionOutput, ConfirmResetPasswordInput, ConfirmSignInInput, JWT, ResetPasswordOutput, SignInInput, SignInOutput, SignUpInput, SignUpOutput } from './auth';
