'use strict';

// The app's own `tsc` (and `strapi develop`) compiles the server part into dist/: one build, one watcher.
module.exports = require('../../../dist/src/plugins/newsroom/server/src').default;
