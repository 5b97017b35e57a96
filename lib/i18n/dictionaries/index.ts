import { common } from './common';
import { cost } from './cost';
import { explain } from './explain';
import { home } from './home';
import { lab } from './lab';
import { learn } from './learn';
import { missions } from './missions';
import { reasons } from './reasons';
import { presets } from './presets';
import { report } from './report';
import { scenarios } from './scenarios';
import { workshop } from './workshop';

/**
 * Every namespace, by name. Adding one: a new file beside this one exporting
 * defineNamespace(en, ja), and one line here (see lib/i18n/README.md).
 */
export const dictionaries = { common, cost, explain, home, lab, learn, missions, presets, reasons, report, scenarios, workshop };

export type Namespace = keyof typeof dictionaries;
export type Key<N extends Namespace> = keyof (typeof dictionaries)[N]['en'] & string;
