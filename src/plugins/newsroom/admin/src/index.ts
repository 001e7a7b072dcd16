import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Calendar, Clock, WarningCircle } from '@strapi/icons';
import { addScheduleColumn } from './components/list-column';
import { ScheduledFilter } from './components/ScheduledFilter';
import { getTranslation, PLUGIN_ID } from './pluginId';
import { WorkflowSidePanel } from './workflow/WorkflowPanel';
import { addWorkflowColumns, MyQueueButton } from './workflow/listView';

const ARTICLE_UID = 'api::article.article';

type TranslationModule = { default: Record<string, string> };
const translations: Record<string, () => Promise<TranslationModule>> = {
  id: () => import('./translations/id.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'Newsroom' } },
      [
        {
          id: 'house-style',
          to: `${PLUGIN_ID}/house-style`,
          intlLabel: { id: getTranslation('settings.house-style.link'), defaultMessage: 'Byline and dates' },
          Component: () => import('./pages/HouseStylePage'),
          permissions: [],
        },
        {
          id: 'whatsapp-follow',
          to: `${PLUGIN_ID}/whatsapp-follow`,
          intlLabel: { id: getTranslation('settings.whatsapp.link'), defaultMessage: 'WhatsApp channel' },
          Component: () => import('./pages/WhatsappFollowPage'),
          permissions: [{ action: 'plugin::newsroom.settings.whatsapp-follow', subject: null }],
        },
        {
          id: 'ad-slots',
          to: `${PLUGIN_ID}/ad-slots`,
          intlLabel: { id: getTranslation('settings.ads.link'), defaultMessage: 'Ad slots' },
          Component: () => import('./pages/AdSlotsPage'),
          permissions: [{ action: 'plugin::newsroom.settings.ads', subject: null }],
        },
        {
          id: 'takedowns',
          to: `${PLUGIN_ID}/takedowns`,
          intlLabel: { id: getTranslation('settings.takedown.link'), defaultMessage: 'Withdrawn stories' },
          Component: () => import('./pages/TakedownsPage'),
          permissions: [{ action: 'plugin::newsroom.takedown', subject: null }],
        },
        {
          id: 'activity-log',
          to: `${PLUGIN_ID}/activity-log`,
          intlLabel: { id: getTranslation('settings.log.link'), defaultMessage: 'Activity log' },
          Component: () => import('./pages/ActivityLogPage'),
          permissions: [{ action: 'plugin::newsroom.settings.activity-log', subject: null }],
        },
      ]
    );

    // "Terbitkan pada", "Tarik pada", "Embargo hingga": typed in the article's zone (server: register.ts).
    app.customFields.register({
      name: 'zoned-datetime',
      pluginId: PLUGIN_ID,
      type: 'datetime',
      icon: Calendar,
      intlLabel: { id: getTranslation('schedule.field.label'), defaultMessage: 'Date and time in the article zone' },
      intlDescription: {
        id: getTranslation('schedule.field.description'),
        defaultMessage: 'A date and time typed in WIB, WITA or WIT, as the article says',
      },
      // The content manager renders it with the field's props (name, value, onChange, label, ...), which
      // its registry types as none.
      components: {
        Input: async () => ({
          default: (await import('./components/ZonedDateTimeInput')).default as unknown as ComponentType,
        }),
      },
    });

    app.widgets.register([
      {
        id: 'schedule-upcoming',
        pluginId: PLUGIN_ID,
        icon: Clock,
        title: { id: getTranslation('widget.upcoming.title'), defaultMessage: 'Going out in the next 24 hours' },
        component: async () => (await import('./widgets/UpcomingWidget')).default,
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: ARTICLE_UID }],
      },
      {
        id: 'parked-jobs',
        pluginId: PLUGIN_ID,
        icon: WarningCircle,
        title: { id: getTranslation('widget.jobs.title'), defaultMessage: 'Failed background jobs' },
        component: async () => (await import('./widgets/ParkedJobsWidget')).default,
        permissions: [{ action: 'plugin::newsroom.jobs.read' }],
      },
    ]);

    // The article list: stage and assignee columns (the filters come with the fields).
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addWorkflowColumns);
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
      injectComponent(view: string, zone: string, component: { name: string; Component: () => unknown }): void;
    };
    // The edit view: lock banner, stage and transitions, assignee, Riwayat and the article's activity.
    contentManager.apis.addEditViewSidePanel([WorkflowSidePanel]);
    contentManager.injectComponent('listView', 'actions', { name: 'newsroom-my-queue', Component: MyQueueButton });
    // The article list: a "Jadwal" column ("Terjadwal 05:00 WIB") and a "Terjadwal saja" toggle.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addScheduleColumn);
    contentManager.injectComponent('listView', 'actions', {
      name: 'newsroom-scheduled-filter',
      Component: ScheduledFilter,
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));
        return { data: prefixed, locale };
      })
    );
  },
};
