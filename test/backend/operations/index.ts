/** Operation name (the X-Amz-Target suffix) → handler. */
import type { Operation } from '../context';
import { ConfirmDevice, ForgetDevice, GetDevice, ListDevices, UpdateDeviceStatus } from './devices';
import { GetTokensFromRefreshToken, InitiateAuth } from './initiateAuth';
import { AssociateSoftwareToken, SetUserMFAPreference, VerifySoftwareToken } from './mfa';
import { ChangePassword, ConfirmForgotPassword, ForgotPassword } from './password';
import { RespondToAuthChallenge } from './respondToAuthChallenge';
import { GlobalSignOut, RevokeToken } from './signOut';
import { ConfirmSignUp, ResendConfirmationCode, SignUp } from './signUp';
import {
  DeleteUser,
  DeleteUserAttributes,
  GetUser,
  GetUserAttributeVerificationCode,
  SetUserSettings,
  UpdateUserAttributes,
  VerifyUserAttribute,
} from './user';
import {
  CompleteWebAuthnRegistration,
  DeleteWebAuthnCredential,
  ListWebAuthnCredentials,
  StartWebAuthnRegistration,
} from './webAuthn';

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  SignUp,
  ConfirmSignUp,
  ResendConfirmationCode,
  InitiateAuth,
  RespondToAuthChallenge,
  GetTokensFromRefreshToken,
  GetUser,
  UpdateUserAttributes,
  DeleteUserAttributes,
  GetUserAttributeVerificationCode,
  VerifyUserAttribute,
  DeleteUser,
  SetUserSettings,
  ForgotPassword,
  ConfirmForgotPassword,
  ChangePassword,
  AssociateSoftwareToken,
  VerifySoftwareToken,
  SetUserMFAPreference,
  ConfirmDevice,
  UpdateDeviceStatus,
  ListDevices,
  GetDevice,
  ForgetDevice,
  GlobalSignOut,
  RevokeToken,
  StartWebAuthnRegistration,
  CompleteWebAuthnRegistration,
  ListWebAuthnCredentials,
  DeleteWebAuthnCredential,
};
