import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, ASSIGNEE_FIELD, STAGE_FIELD } from '../../constants';
import { workflowConfig } from '../../config';
import { workflowMessages } from '../../utils/messages';
import { availableTransitions, initialStage, publishVerdict, stageLabel } from '../../utils/workflow/rules';
import type { Principal } from '../../utils/workflow/principal';
import { withIntent } from './actor';

/** What the edit view and the list show for an approved locale that is live with no change since. */
const PUBLISHED_LABEL = { id: 'Terbit', en: 'Published' };

type Publication = 'draft' | 'published' | 'modified';
type DraftStage = {
  id: number;
  [STAGE_FIELD]: string | null;
  [ASSIGNEE_FIELD]: { id: number; firstname?: string; lastname?: string } | null;
};

/**
 * Editorial stages of article locales. A stage changes through a Document Service update of the
 * `editorialStage` field, here or from any other path: the editorial-workflow middleware checks the rule
 * and logs it, so this service adds only the note and the answer the edit view needs.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  settings: () => workflowConfig(strapi).rules,

  /** The draft row's id and stage alone (what the write rules need), or null when the document has no such locale. */
  async draftStageOf(documentId: string, locale: string): Promise<Pick<DraftStage, 'id' | typeof STAGE_FIELD> | null> {
    return strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['id', STAGE_FIELD],
    });
  },

  /** The draft row's stage and assignee, or null when the document has no such locale. */
  async draftOf(documentId: string, locale: string): Promise<DraftStage | null> {
    return strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, locale, publishedAt: null },
      select: ['id', STAGE_FIELD],
      populate: { [ASSIGNEE_FIELD]: { select: ['id', 'firstname', 'lastname'] } },
    });
  },

  /** The configured stages, the one publishing needs, and the label of a live, unchanged locale. */
  stages() {
    const rules = workflowConfig(strapi).rules;
    return { stages: rules.stages, publishStage: rules.publishStage, publishedLabel: PUBLISHED_LABEL };
  },

  /** The content manager's own status of the locale: never published, live as drafted, or changed since. */
  async publication(documentId: string, locale: string): Promise<Publication> {
    const [version, ...others] = await strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId, locale },
      select: ['publishedAt', 'updatedAt'],
    });
    if (!version) return 'draft';
    return strapi.plugin('content-manager').service('document-metadata').getStatus(version, others) as Publication;
  },

  /** What the edit view shows and offers `principal` for one article locale. */
  async state(documentId: string, locale: string, principal: Principal) {
    const rules = workflowConfig(strapi).rules;
    const draft = await this.draftOf(documentId, locale);
    if (!draft) throw new errors.NotFoundError(workflowMessages.documentNotFound(documentId, locale));
    const stage = draft[STAGE_FIELD] ?? initialStage(rules);
    const assignee = draft[ASSIGNEE_FIELD];
    const publication = await this.publication(documentId, locale);
    // Once live as approved, the badge says so; a change since shows the stage again with `publication`.
    const shownAsPublished = publication === 'published' && stage === rules.publishStage;
    return {
      documentId,
      locale,
      stage,
      label: shownAsPublished ? PUBLISHED_LABEL : stageLabel(rules, stage),
      publication,
      assignee: assignee
        ? { id: assignee.id, name: [assignee.firstname, assignee.lastname].filter(Boolean).join(' ') }
        : null,
      mayPublish: publishVerdict(rules, stage, principal.roles).allowed,
      transitions: availableTransitions(rules, stage, principal.roles).map(({ name, to, label, noteRequired }) => ({
        name,
        to,
        label,
        toLabel: stageLabel(rules, to),
        noteRequired: Boolean(noteRequired),
      })),
      stages: rules.stages,
    };
  },

  /** Moves one article locale to `to` with an optional note (required for a return), as the current caller. */
  async transition(documentId: string, locale: string, to: string, note: string | null) {
    const draft = await this.draftOf(documentId, locale);
    if (!draft) throw new errors.NotFoundError(workflowMessages.documentNotFound(documentId, locale));
    await withIntent({ note }, () =>
      strapi.documents(ARTICLE_UID).update({ documentId, locale, data: { [STAGE_FIELD]: to } } as never)
    );
  },

  /** Sets or clears the assignee (an admin user id) of one article locale. */
  async assign(documentId: string, locale: string, assigneeId: number | null) {
    const draft = await this.draftOf(documentId, locale);
    if (!draft) throw new errors.NotFoundError(workflowMessages.documentNotFound(documentId, locale));
    if (assigneeId !== null) {
      const user = await strapi.db.query('admin::user').findOne({ where: { id: assigneeId }, select: ['id'] });
      if (!user) throw new errors.ValidationError(workflowMessages.unknownAssignee(assigneeId));
    }
    await withIntent({ action: 'assign' }, () =>
      strapi.documents(ARTICLE_UID).update({
        documentId,
        locale,
        data: { [ASSIGNEE_FIELD]: assigneeId === null ? { set: [] } : { set: [{ id: assigneeId }] } },
      } as never)
    );
  },
});
