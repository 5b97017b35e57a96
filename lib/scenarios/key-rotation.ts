import type { Scenario } from './scenario';

/**
 * The operator replaces the lab's JWT signing key: the one early revocation a
 * stateless token allows, and it revokes everyone's. The runner counts the
 * bystanders it logs out.
 */
export const keyRotationScenario: Scenario = {
  id: 'key-rotation',
  victimRole: 'user',
  bystanders: 'all',
  probe: 'me',
  appliesTo: (strategy) =>
    strategy.usesLabJwtKey
      ? { applies: true }
      : { applies: false, code: 'no-lab-jwt-key', why: `${strategy.id} does not verify with the lab's JWT signing key, so rotating it cannot bear on its credentials.` },
  async setUp(run) {
    const laptop = await run.loginVictim('victim-laptop');
    return { stolen: laptop, devices: [laptop] };
  },
  async revoke(run) {
    await run.operator.expect(200, 'POST', run.labPath('/keys/rotate'));
  },
};
