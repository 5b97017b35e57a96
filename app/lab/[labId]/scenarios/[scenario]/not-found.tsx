import { MissingLab } from '../../_components/MissingLab';

/** An unknown scenario, or an unknown or expired lab, on a scenario page. */
export default function ScenarioNotFound() {
  return <MissingLab message="scenarioNotFound" />;
}
