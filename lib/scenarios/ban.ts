import { always, victimOnLaptop, type Scenario } from './scenario';

/** The operator disables the victim's account. Does the copy still work? */
export const banScenario: Scenario = {
  id: 'ban',
  victimRole: 'user',
  bystanders: 'one',
  probe: 'me',
  appliesTo: always,
  setUp: victimOnLaptop,
  async revoke(run) {
    await run.operator.expect(200, 'POST', run.labPath(`/users/${run.victim.username}/ban`));
  },
};
