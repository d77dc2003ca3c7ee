// The event admin's console (/admin): set up events, tiers, goal and desks; open and close the event;
// steer the big screen; watch the ledger, the audit (ledger sum beside the live total) and the money
// by desk and channel during the night; void with a reason; export the ledger afterwards.

import { Controller } from './controller';
import { adminStores } from './stores';
import { adminPage } from './views/page';

const page = adminPage(document.getElementById('app') ?? document.body);
new Controller(adminStores(sessionStorage), page).start();
