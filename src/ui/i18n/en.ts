/**
 * The English dictionary: every string the prebuilt UI shows. Other languages and app overrides
 * give the same keys (`translations` prop). `{name}` placeholders are filled by `t(key, values)`.
 * `error.<AuthError name>` keys translate engine errors by their typed `name`, never by message.
 */
export const en = {
  'authenticator.loading': 'Loading…',
  'tabs.label': 'Sign in or create an account',
  'tabs.signIn': 'Sign In',
  'tabs.signUp': 'Create Account',

  'field.username': 'Username',
  'field.password': 'Password',
  'field.newPassword': 'New Password',
  'field.confirmPassword': 'Confirm Password',
  'field.email': 'Email',
  'field.phone': 'Phone Number',
  'field.code': 'Code',
  'field.answer': 'Answer',
  'field.showPassword': 'Show password',
  'field.required': 'Required',
  'field.passwordMismatch': 'Your passwords must match',

  'attribute.email': 'Email',
  'attribute.phone_number': 'Phone Number',
  'attribute.name': 'Name',
  'attribute.given_name': 'Given Name',
  'attribute.family_name': 'Family Name',
  'attribute.nickname': 'Nickname',
  'attribute.preferred_username': 'Preferred Username',
  'attribute.birthdate': 'Birthdate',
  'attribute.address': 'Address',
  'attribute.website': 'Website',

  'signIn.heading': 'Sign in to your account',
  'signIn.submit': 'Sign in',
  'signIn.pending': 'Signing in…',
  'signIn.forgotPassword': 'Forgot your password?',

  'signUp.heading': 'Create your account',
  'signUp.submit': 'Create Account',
  'signUp.pending': 'Creating Account…',

  'confirmSignUp.heading': 'Confirm your account',
  'confirmSignUp.submit': 'Confirm',
  'confirmSignUp.pending': 'Confirming…',

  'confirmSignIn.smsHeading': 'Confirm SMS Code',
  'confirmSignIn.totpHeading': 'Confirm TOTP Code',
  'confirmSignIn.totpDescription': 'Enter the code from your authenticator app.',
  'confirmSignIn.submit': 'Confirm',
  'confirmSignIn.pending': 'Confirming…',

  'delivery.EMAIL': 'We emailed a code to {destination}. It may take a minute to arrive.',
  'delivery.SMS': 'We texted a code to {destination}. It may take a minute to arrive.',
  'delivery.unknown': 'We sent a code to {destination}. It may take a minute to arrive.',
  'delivery.none': 'We sent you a code. It may take a minute to arrive.',

  'resend.submit': 'Resend Code',
  'resend.pending': 'Sending…',
  'resend.sent': 'A new code is on its way.',

  'forgotPassword.heading': 'Reset your password',
  'forgotPassword.submit': 'Send code',
  'forgotPassword.pending': 'Sending…',

  'confirmResetPassword.heading': 'Reset your password',
  'confirmResetPassword.submit': 'Submit',
  'confirmResetPassword.pending': 'Submitting…',

  'forceNewPassword.heading': 'Change your password',
  'forceNewPassword.submit': 'Change Password',
  'forceNewPassword.pending': 'Changing…',

  'selectMfaType.heading': 'Choose how to confirm your sign-in',
  'selectMfaType.legend': 'Confirmation method',
  'selectMfaType.SMS': 'Text message (SMS)',
  'selectMfaType.TOTP': 'Authenticator app (TOTP)',
  'selectMfaType.submit': 'Confirm',
  'selectMfaType.pending': 'Confirming…',

  'setupTotp.heading': 'Set up your authenticator app',
  'setupTotp.instructions': 'Scan the QR code with your authenticator app, or enter the key below, then type the code it shows.',
  'setupTotp.qrLabel': 'QR code for your authenticator app',
  'setupTotp.secretLabel': 'Key',
  'setupTotp.submit': 'Confirm',
  'setupTotp.pending': 'Confirming…',

  'customChallenge.heading': 'Answer the challenge',
  'customChallenge.submit': 'Submit',
  'customChallenge.pending': 'Submitting…',

  'signedIn.greeting': 'Signed in as {username}',
  'signedIn.signOut': 'Sign out',

  'nav.backToSignIn': 'Back to Sign In',

  'error.fallback': 'Something went wrong. Please try again.',
  'error.NetworkError': 'We could not reach the server. Check your connection and try again.',
  'error.NoCurrentUser': 'You are not signed in.',
  'error.NoUserPool': 'Sign-in is not configured for this app.',
  'error.EmptyUsername': 'Enter your username.',
  'error.EmptyPassword': 'Enter your password.',
  'error.EmptyCode': 'Enter the code.',
  'error.EmptyChallengeResponse': 'Enter your answer.',
  'error.InvalidMFAType': 'Choose a confirmation method.',
  'error.NoSignInInProgress': 'This sign-in has ended. Please sign in again.',
  'error.NoTOTPSetup': 'Set up an authenticator app first.',
  'error.NoDevice': 'This device is not remembered.',
  'error.UserAlreadyAuthenticatedException': 'You are already signed in.',
  'error.OAuthNotConfigured': 'Sign-in with a provider is not configured for this app.',
  'error.OAuthRedirectMismatch': 'Sign-in with a provider could not be completed.',
  'error.OAuthFlowNotFound': 'Sign-in with a provider could not be completed.',
  'error.OAuthStateMismatch': 'Sign-in with a provider could not be completed.',
  'error.OAuthTokenInvalid': 'Sign-in with a provider could not be completed.',
  'error.OAuthSignInException': 'Sign-in with a provider could not be completed.',
  'error.NoIdentityPool': 'AWS access is not configured for this app.',
  'error.MandatorySignInEnabled': 'Please sign in first.',
  'error.AutoSignInException': 'Your account is confirmed. Please sign in.',
  'error.InvalidArgument': 'Please check what you entered.',
  'error.UnknownError': 'Something went wrong. Please try again.',
  'error.NotAuthorizedException': 'Incorrect username or password.',
  'error.UserNotFoundException': 'Incorrect username or password.',
  'error.UsernameExistsException': 'An account with this username already exists.',
  'error.AliasExistsException': 'An account with this email or phone number already exists.',
  'error.CodeMismatchException': 'That code is not right. Check it and try again.',
  'error.ExpiredCodeException': 'That code has expired. Ask for a new one.',
  'error.InvalidPasswordException': 'That password does not meet the requirements.',
  'error.InvalidParameterException': 'Please check what you entered.',
  'error.LimitExceededException': 'Too many attempts. Please wait a while and try again.',
  'error.TooManyRequestsException': 'Too many requests. Please wait a moment and try again.',
  'error.TooManyFailedAttemptsException': 'Too many failed attempts. Please wait a while and try again.',
  'error.UserNotConfirmedException': 'Your account is not confirmed yet.',
  'error.PasswordResetRequiredException': 'You need to reset your password.',
  'error.CodeDeliveryFailureException': 'We could not send the code. Please try again.',
  'error.EnableSoftwareTokenMFAException': 'That code is not right. Check your authenticator app and try again.',
  'error.SoftwareTokenMFANotFoundException': 'Set up an authenticator app first.',
  'error.UserLambdaValidationException': 'Your request was not accepted.',
  'error.InternalErrorException': 'The service had a problem. Please try again.',

  'signIn.withProvider': 'Sign In with {provider}',
  'verifyUser.heading': 'Verify contact',
  'verifyUser.description': 'Verify an email address or phone number, so you can recover your account if you forget your password.',
  'verifyUser.legend': 'Contact to verify',
  'verifyUser.submit': 'Verify',
  'verifyUser.pending': 'Sending…',
  'verifyUser.skip': 'Skip',
  'confirmVerifyUser.heading': 'Confirm your contact',
  'confirmVerifyUser.submit': 'Submit',
  'confirmVerifyUser.pending': 'Submitting…',
} as const satisfies Record<string, string>;

/** Every key of the UI dictionary. */
export type MessageKey = keyof typeof en;

/** A complete dictionary: one string per key. */
export type Dictionary = Record<MessageKey, string>;
