// The Apps-Engine versions the package claims: `rc-apps package` writes this range into the package's
// app.json as requiredApiVersion (scripts/package.js). Only versions the compatibility run checks are
// claimed (scripts/compat-engine.js, README "Which Rocket.Chat runs it"): 1.62.0 is the lowest whose
// server runtime runs here (Rocket.Chat 8.4); 1.65 and later are published as type definitions only.
'use strict';
module.exports = { REQUIRED_ENGINE_RANGE: '^1.62.0' };
