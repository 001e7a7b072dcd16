// The one constants module lives at the app root (src/constants.ts); the plugin reads it through here.
export * from '../../../../constants';
