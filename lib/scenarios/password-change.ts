import { always, victimOnLaptop, type Scenario } from './scenario';

/** The victim changes the password on the same device. Does the copy made before still work? */
export const passwordChangeScenario: Scenario = {
  id: 'password-change',
  victimRole: 'user',
  bystanders: 'one',
  probe: 'me',
  appliesTo: always,
  setUp: victimOnLaptop,
  async revoke(run, [laptop]) {
    await laptop!.expect(200, 'POST', run.strategyPath('/password'), {
      currentPassword: run.victim.password,
      newPassword: run.newPassword,
    });
  },
};
