/**
 * The editorial workflow's rules, pure: which stages an article locale can be in, who may move it from
 * one to another, and who may publish it from which stage. The document pipeline
 * (middlewares/editorial-workflow.ts) applies them to every write path alike.
 */
export type Label = { id: string; en: string };
export type StageDefinition = { id: string; label: Label };
export type TransitionDefinition = {
  /** What the step is called in the log and on its button: file, approve, return. */
  name: string;
  from: string;
  to: string;
  label: Label;
  /** Role codes allowed to take this step (see `principalRoles`). */
  roles: string[];
  /** A return must say why ("Dikembalikan ke penulis: …"). */
  noteRequired?: boolean;
};
export type WorkflowSettings = {
  /** In order; the first one is where every new article locale starts. */
  stages: StageDefinition[];
  /** The stage an article locale must be in before a role that needs approval may publish it. */
  publishStage: string;
  transitions: TransitionDefinition[];
  /**
   * Roles that may publish from any stage and move between any two stages. `system` is a script, seed or
   * job without a request; `api-token:full-access` an integration (importer) with a full-access token.
   */
  skipApproval: string[];
};

export const DEFAULT_WORKFLOW: WorkflowSettings = {
  stages: [
    { id: 'draft', label: { id: 'Draf', en: 'Draft' } },
    { id: 'review', label: { id: 'Perlu Disunting', en: 'Needs editing' } },
    { id: 'ready', label: { id: 'Siap Terbit', en: 'Ready to publish' } },
  ],
  publishStage: 'ready',
  transitions: [
    {
      name: 'file',
      from: 'draft',
      to: 'review',
      label: { id: 'Ajukan ke redaktur', en: 'File to the editor' },
      roles: ['strapi-author', 'strapi-editor', 'api-token'],
    },
    {
      name: 'withdraw',
      from: 'review',
      to: 'draft',
      label: { id: 'Tarik kembali', en: 'Withdraw' },
      roles: ['strapi-author'],
    },
    {
      name: 'approve',
      from: 'review',
      to: 'ready',
      label: { id: 'Setujui', en: 'Approve' },
      roles: ['strapi-editor'],
    },
    {
      // A redaktur writing a breaking story approves their own copy.
      name: 'approve',
      from: 'draft',
      to: 'ready',
      label: { id: 'Setujui', en: 'Approve' },
      roles: ['strapi-editor'],
    },
    {
      name: 'return',
      from: 'review',
      to: 'draft',
      label: { id: 'Kembalikan ke penulis', en: 'Return to the writer' },
      roles: ['strapi-editor'],
      noteRequired: true,
    },
    {
      name: 'return',
      from: 'ready',
      to: 'draft',
      label: { id: 'Kembalikan ke penulis', en: 'Return to the writer' },
      roles: ['strapi-editor'],
      noteRequired: true,
    },
  ],
  skipApproval: ['strapi-super-admin', 'system', 'api-token:full-access'],
};

export type Refusal = { code: 'unknown-stage' | 'not-allowed' | 'note-required' | 'needs-approval'; stage?: string };
export type TransitionVerdict =
  { allowed: true; transition: TransitionDefinition | null } | ({ allowed: false } & Refusal);

const STAGE_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** The settings with defaults filled in; throws a sentence an operator understands when they make no sense. */
export function workflowSettings(input: Partial<WorkflowSettings> | undefined): WorkflowSettings {
  const settings: WorkflowSettings = { ...DEFAULT_WORKFLOW, ...(input ?? {}) };
  const { stages, transitions, publishStage, skipApproval } = settings;
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new Error('"newsroom.workflow.stages" must be a non-empty list of { id, label: { id, en } }.');
  }
  const ids = new Set<string>();
  for (const stage of stages) {
    if (!stage || !STAGE_ID.test(String(stage.id)) || ids.has(stage.id)) {
      throw new Error(
        `"newsroom.workflow.stages" ids must be unique lowercase words such as "review"; got ${JSON.stringify(stage?.id)}.`
      );
    }
    if (!stage.label?.id || !stage.label?.en) {
      throw new Error(`"newsroom.workflow.stages" "${stage.id}" needs an Indonesian and an English label.`);
    }
    ids.add(stage.id);
  }
  if (!ids.has(publishStage)) {
    throw new Error(
      `"newsroom.workflow.publishStage" must be one of the stages (${[...ids].join(', ')}); got "${publishStage}".`
    );
  }
  if (!Array.isArray(transitions)) throw new Error('"newsroom.workflow.transitions" must be a list.');
  for (const step of transitions) {
    if (!ids.has(step?.from) || !ids.has(step?.to) || step.from === step.to) {
      throw new Error(
        `"newsroom.workflow.transitions" must go between two different stages; got ${JSON.stringify(step?.from)} -> ${JSON.stringify(step?.to)}.`
      );
    }
    if (!step.name || !Array.isArray(step.roles) || !step.label?.id || !step.label?.en) {
      throw new Error(
        `"newsroom.workflow.transitions" ${step.from} -> ${step.to} needs a name, labels and a list of roles.`
      );
    }
  }
  if (!Array.isArray(skipApproval)) throw new Error('"newsroom.workflow.skipApproval" must be a list of role codes.');
  return settings;
}

export const initialStage = (settings: WorkflowSettings): string => settings.stages[0].id;
export const isStage = (settings: WorkflowSettings, stage: unknown): stage is string =>
  typeof stage === 'string' && settings.stages.some((candidate) => candidate.id === stage);
export const stageLabel = (settings: WorkflowSettings, stage: string | null | undefined): Label =>
  settings.stages.find((candidate) => candidate.id === stage)?.label ?? {
    id: String(stage ?? ''),
    en: String(stage ?? ''),
  };

const skips = (settings: WorkflowSettings, roles: readonly string[]) =>
  roles.some((role) => settings.skipApproval.includes(role));

/**
 * May someone with `roles` move an article locale from `from` to `to` (with `note`)? A stage that is not
 * configured is refused whoever asks; roles that skip approval may go anywhere, everyone else only along
 * a configured transition that names one of their roles.
 */
export function transitionVerdict(
  settings: WorkflowSettings,
  from: string | null | undefined,
  to: unknown,
  roles: readonly string[],
  note?: string | null
): TransitionVerdict {
  if (!isStage(settings, to)) return { allowed: false, code: 'unknown-stage', stage: String(to) };
  const current = isStage(settings, from) ? from : initialStage(settings);
  if (current === to) return { allowed: true, transition: null };
  const candidates = settings.transitions.filter((step) => step.from === current && step.to === to);
  const step = candidates.find((candidate) => candidate.roles.some((role) => roles.includes(role)));
  if (!step) {
    if (skips(settings, roles)) return { allowed: true, transition: candidates[0] ?? null };
    return { allowed: false, code: 'not-allowed', stage: to };
  }
  if (step.noteRequired && !(note ?? '').trim()) return { allowed: false, code: 'note-required', stage: to };
  return { allowed: true, transition: step };
}

/** May someone with `roles` publish an article locale now in `stage`? */
export function publishVerdict(
  settings: WorkflowSettings,
  stage: string | null | undefined,
  roles: readonly string[]
): { allowed: true } | ({ allowed: false } & Refusal) {
  if (skips(settings, roles)) return { allowed: true };
  const current = isStage(settings, stage) ? stage : initialStage(settings);
  if (current === settings.publishStage) return { allowed: true };
  return { allowed: false, code: 'needs-approval', stage: current };
}

/** The transitions someone with `roles` could take from `stage` (the buttons the edit view shows). */
export function availableTransitions(
  settings: WorkflowSettings,
  stage: string | null | undefined,
  roles: readonly string[]
): TransitionDefinition[] {
  const current = isStage(settings, stage) ? stage : initialStage(settings);
  const own = settings.transitions.filter(
    (step) => step.from === current && step.roles.some((role) => roles.includes(role))
  );
  if (!skips(settings, roles)) return own;
  const seen = new Set(own.map((step) => step.to));
  const rest = settings.stages
    .filter((stageDef) => stageDef.id !== current && !seen.has(stageDef.id))
    .map((stageDef) => ({
      name: 'move',
      from: current,
      to: stageDef.id,
      label: { id: `Pindahkan ke ${stageDef.label.id}`, en: `Move to ${stageDef.label.en}` },
      roles: [],
    }));
  return [...own, ...rest];
}
