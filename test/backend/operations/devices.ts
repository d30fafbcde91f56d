/** Device tracking: ConfirmDevice (stores the device SRP verifier), status, listing, forgetting. */
import { base64ToBytes, bytesToBase64, bytesToHex, utf8 } from '../bytes';
import type { Ctx, Input, Operation } from '../context';
import { MSG, fail } from '../errors';
import { optionalString, requireString, userFromAccessToken } from '../input';
import { isRecord } from '../jwt';
import type { DeviceRecord, UserRecord } from '../users';

function userDevice(user: UserRecord, key: string, confirmedOnly = true): DeviceRecord {
  const device = user.devices.get(key);
  if (!device || (confirmedOnly && !device.confirmed)) throw fail.resourceNotFound(MSG.deviceNotFound);
  return device;
}

/** Wire shape of DeviceType: dates are epoch seconds, status lives in DeviceAttributes. */
function deviceView(d: DeviceRecord): Record<string, unknown> {
  return {
    DeviceKey: d.key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(d.name !== undefined ? [{ Name: 'device_name', Value: d.name }] : []),
      { Name: 'dev:device_remembered_status', Value: d.remembered ? 'remembered' : 'not_remembered' },
      { Name: 'last_ip_used', Value: '127.0.0.1' },
    ],
    DeviceCreateDate: d.createdAt / 1000,
    DeviceLastModifiedDate: d.modifiedAt / 1000,
    ...(d.lastAuthenticatedAt !== undefined ? { DeviceLastAuthenticatedDate: d.lastAuthenticatedAt / 1000 } : {}),
  };
}

function base64Field(value: Record<string, unknown>, key: string): string {
  const text = value[key];
  if (typeof text !== 'string') throw fail.invalidParameter(`Missing DeviceSecretVerifierConfig.${key}`);
  try {
    return bytesToHex(base64ToBytes(text));
  } catch {
    throw fail.invalidParameter(`DeviceSecretVerifierConfig.${key} is not valid base64`);
  }
}

export const ConfirmDevice: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const device = userDevice(user, requireString(input, 'DeviceKey'), false);
  const config = input.DeviceSecretVerifierConfig;
  if (!isRecord(config)) throw fail.invalidParameter('Missing DeviceSecretVerifierConfig');
  device.saltHex = base64Field(config, 'Salt');
  device.verifier = BigInt(`0x${base64Field(config, 'PasswordVerifier') || '0'}`);
  device.name = optionalString(input, 'DeviceName') ?? device.name;
  device.confirmed = true;
  device.modifiedAt = ctx.now();
  // "User opt-in" remembering: the device is tracked now, remembered once UpdateDeviceStatus says so.
  return { UserConfirmationNecessary: false };
};

export const UpdateDeviceStatus: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const device = userDevice(user, requireString(input, 'DeviceKey'));
  const status = optionalString(input, 'DeviceRememberedStatus');
  if (status !== undefined && status !== 'remembered' && status !== 'not_remembered') {
    throw fail.invalidParameter(
      `1 validation error detected: Value '${status}' at 'deviceRememberedStatus' failed to satisfy constraint: Member must satisfy enum value set: [remembered, not_remembered]`,
    );
  }
  device.remembered = status === 'remembered';
  device.modifiedAt = ctx.now();
  return {};
};

function pageStart(ctx: Ctx, input: Input): number {
  const token = optionalString(input, 'PaginationToken');
  if (token === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(base64ToBytes(token)));
    if (isRecord(parsed) && parsed.pool === ctx.config.userPoolId && typeof parsed.offset === 'number') return parsed.offset;
  } catch {
    // fall through to the error below
  }
  throw fail.invalidParameter('Invalid pagination token');
}

export const ListDevices: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const limitInput = input.Limit;
  const limit = typeof limitInput === 'number' && limitInput > 0 ? Math.min(limitInput, 60) : 60;
  const start = pageStart(ctx, input);
  const all = [...user.devices.values()].filter((d) => d.confirmed).sort((a, b) => a.createdAt - b.createdAt);
  const page = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    Devices: page.map(deviceView),
    ...(more ? { PaginationToken: bytesToBase64(utf8(JSON.stringify({ pool: ctx.config.userPoolId, offset: start + limit }))) } : {}),
  };
};

export const GetDevice: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  return { Device: deviceView(userDevice(user, requireString(input, 'DeviceKey'))) };
};

export const ForgetDevice: Operation = async (ctx, input) => {
  const { user } = await userFromAccessToken(ctx, input);
  const key = requireString(input, 'DeviceKey');
  userDevice(user, key, false);
  user.devices.delete(key);
  return {};
};
