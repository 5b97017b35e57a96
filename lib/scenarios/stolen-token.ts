import { always, type Scenario } from './scenario';

/**
 * The laptop's cookie is copied; the victim notices and presses "sign out
 * everywhere" on the phone. Only a server that knows every issued credential
 * can find the laptop's.
 */
export const stolenTokenScenario: Scenario = {
  id: 'stolen-token',
  victimRole: 'user',
  bystanders: 'one',
  probe: 'me',
  appliesTo: always,
  async setUp(run) {
    const laptop = await run.loginVictim('victim-laptop');
    const phone = await run.loginVictim('victim-phone');
    return { stolen: laptop, devices: [laptop, phone] };
  },
  async revoke(run, [, phone]) {
    await phone!.expect(200, 'POST', run.strategyPath('/logout-all'));
  },
};
