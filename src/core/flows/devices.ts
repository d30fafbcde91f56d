import type { DeviceInfo } from '../types';
import type { FlowContext } from './context';

interface CognitoDevice {
  DeviceKey: string;
  DeviceAttributes?: { Name: string; Value: string }[];
  DeviceCreateDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

export async function setDeviceRemembered(ctx: FlowContext, accessToken: string, deviceKey: string, remembered: boolean) {
  await ctx.call('UpdateDeviceStatus', {
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceRememberedStatus: remembered ? 'remembered' : 'not_remembered',
  });
}

export async function forgetDevice(ctx: FlowContext, accessToken: string, deviceKey: string): Promise<void> {
  await ctx.call('ForgetDevice', { AccessToken: accessToken, DeviceKey: deviceKey });
}

/** Every device of the user, following pagination. */
export async function listDevices(ctx: FlowContext, accessToken: string): Promise<DeviceInfo[]> {
  const devices: DeviceInfo[] = [];
  let token: string | undefined;
  do {
    const page = await ctx.call<{ Devices?: CognitoDevice[]; PaginationToken?: string }>('ListDevices', {
      AccessToken: accessToken,
      Limit: 60,
      ...(token ? { PaginationToken: token } : {}),
    });
    for (const device of page.Devices ?? []) devices.push(toDeviceInfo(device));
    token = page.PaginationToken;
  } while (token);
  return devices;
}

function toDeviceInfo(device: CognitoDevice): DeviceInfo {
  const attribute = (name: string) => device.DeviceAttributes?.find((a) => a.Name === name)?.Value;
  // `device_status` is Cognito's valid/invalid flag, not the remembered status.
  const status = attribute('dev:device_remembered_status');
  return {
    id: device.DeviceKey,
    name: attribute('device_name') ?? '',
    ...(status ? { remembered: status === 'remembered' } : {}),
    ...(device.DeviceCreateDate ? { createdAt: new Date(device.DeviceCreateDate * 1000) } : {}),
    ...(device.DeviceLastAuthenticatedDate ? { lastAuthenticatedAt: new Date(device.DeviceLastAuthenticatedDate * 1000) } : {}),
  };
}
