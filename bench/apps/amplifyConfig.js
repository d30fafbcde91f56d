// The same user pool as bench/uiBundleSize/config.js, in aws-amplify 6's shape; never contacted.
export const amplifyConfig = {
  Auth: { Cognito: { userPoolId: 'us-east-1_AbCdEfGhI', userPoolClientId: '1example23456789abcdefghij' } },
};
