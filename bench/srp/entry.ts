// What bench/srp.mjs times: our BigInt SRP client and amazon-cognito-identity-js's, behind one interface.
export { createBigintSrpClient } from '../../src/core/srp/bigintSrpClient';
export { acijSrpClient } from '../../src/core/srp/acijSrpClient';
export { modPow, N, g } from '../../src/core/srp/bigintMath';
