import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, ASSIGNEE_FIELD, STAGE_FIELD } from '../../constants';

const SETUP_KEY = 'workflow-edit-layout-v1';

type Configuration = { metadatas?: Record<string, { edit?: Record<string, unknown> }> };
type ContentTypesService = {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Configuration): Promise<unknown>;
};

/**
 * The article's edit form does not show the stage and assignee fields: the content manager's saves
 * ignore them (middlewares/editorial-workflow.ts), the Redaksi panel moves them. Hidden once (a flag in
 * the core store) in the content manager's stored layout: an administrator who shows them again in
 * "Configure the view" keeps that choice.
 */
export async function hideWorkflowFieldsInEditForm(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'warta' });
  if (await store.get({ key: SETUP_KEY })) return;
  const service = strapi.plugin('content-manager')?.service('content-types') as ContentTypesService | undefined;
  if (!service) return;
  const contentType = { uid: ARTICLE_UID };
  const configuration = await service.findConfiguration(contentType);
  const metadatas = configuration.metadatas ?? {};
  let changed = false;
  for (const field of [STAGE_FIELD, ASSIGNEE_FIELD]) {
    const edit = metadatas[field]?.edit;
    if (edit && edit.visible !== false) {
      metadatas[field] = { ...metadatas[field], edit: { ...edit, visible: false } };
      changed = true;
    }
  }
  if (changed) await service.updateConfiguration(contentType, { ...configuration, metadatas });
  await store.set({ key: SETUP_KEY, value: new Date().toISOString() });
}
