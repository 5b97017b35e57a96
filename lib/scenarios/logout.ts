import { always, victimOnLaptop, type Scenario } from './scenario';

/** The victim logs out of the device whose cookie was copied. Does the copy still work? */
export const logoutScenario: Scenario = {
  id: 'logout',
  victimRole: 'user',
  bystanders: 'one',
  probe: 'me',
  appliesTo: always,
  setUp: victimOnLaptop,
  async revoke(run, [laptop]) {
    await laptop!.expect(200, 'POST', run.strategyPath('/logout'));
  },
};
