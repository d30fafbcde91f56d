// A user-pool config as an app would pass it; the values are never used (nothing runs).
export const config = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_AbCdEfGhI',
  userPoolWebClientId: '1example23456789abcdefghij',
};
