import { winston, formats } from '@strapi/logger';

// Tests read their own output: only warnings and errors from Strapi.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.STRAPI_LOG_LEVEL ?? 'warn',
      format: winston.format.combine(
        formats.levelFilter(process.env.STRAPI_LOG_LEVEL ?? 'warn'),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })
      ),
    }),
  ],
};
