import { ChangePassword } from './ChangePassword';
import { DeleteUser } from './DeleteUser';
import { DeviceSettings } from './DeviceSettings';
import { MfaSettings } from './MfaSettings';
import { PasskeySettings } from './PasskeySettings';

/** The account components under one name, as ui-react's `AccountSettings.ChangePassword`. */
export const AccountSettings = /* @__PURE__ */ Object.freeze({ ChangePassword, DeleteUser, MfaSettings, PasskeySettings, DeviceSettings });
