/**
 * Every engine operation under every fault, one faulted request at a time (faultSuite.ts), on a pool
 * without device tracking; faults.devices.test.ts covers the device operations.
 */
import { describeFaultSuite } from './faultSuite';
import { SCENARIOS } from './faultScenarios';

describeFaultSuite('every engine operation under every injected fault', SCENARIOS);
