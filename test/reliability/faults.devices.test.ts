/** The device operations (and sign-in with device confirmation) under every fault: see faultSuite.ts. */
import { DEVICE_SCENARIOS } from './deviceScenarios';
import { describeFaultSuite } from './faultSuite';

describeFaultSuite('device operations under every injected fault (deviceTracking on)', DEVICE_SCENARIOS, { deviceTracking: true });
