import { always, victimOnLaptop, type Scenario } from './scenario';

/** The victim is an admin; the operator demotes them. Does the copy still open admin-only pages? */
export const roleChangeScenario: Scenario = {
  id: 'role-change',
  victimRole: 'admin',
  bystanders: 'one',
  probe: 'admin',
  appliesTo: always,
  setUp: victimOnLaptop,
  async revoke(run) {
    await run.operator.expect(200, 'POST', run.labPath(`/users/${run.victim.username}/role`), { role: 'user' });
  },
};
