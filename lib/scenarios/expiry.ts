import { always, victimOnLaptop, type Scenario } from './scenario';

/** Nobody revokes anything; the clock moves forward. How long does the copy keep working on its own? */
export const expiryScenario: Scenario = {
  id: 'expiry',
  victimRole: 'user',
  bystanders: 'one',
  probe: 'me',
  appliesTo: always,
  setUp: victimOnLaptop,
  async revoke() {
    // Nothing: the window is measured from the theft.
  },
};
