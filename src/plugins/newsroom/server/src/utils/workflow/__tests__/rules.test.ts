import { availableTransitions, DEFAULT_WORKFLOW, publishVerdict, transitionVerdict, workflowSettings } from '../rules';
import { principalOf } from '../principal';

const settings = workflowSettings(undefined);
const AUTHOR = ['strapi-author'];
const EDITOR = ['strapi-editor'];
const ADMIN = ['strapi-super-admin'];
const CUSTOM_TOKEN = ['api-token', 'api-token:custom'];
const FULL_TOKEN = ['api-token', 'api-token:full-access'];
const SYSTEM = ['system'];
const PUBLIC = ['public'];

describe('workflow rules', () => {
  describe('transitionVerdict', () => {
    test.each([
      // role, from, to, note, verdict
      ['author', AUTHOR, 'draft', 'review', null, 'allowed'],
      ['author', AUTHOR, 'review', 'draft', null, 'allowed'],
      ['author', AUTHOR, 'review', 'ready', null, 'not-allowed'],
      ['author', AUTHOR, 'draft', 'ready', null, 'not-allowed'],
      ['author', AUTHOR, 'ready', 'draft', 'tolong', 'not-allowed'],
      ['editor', EDITOR, 'draft', 'review', null, 'allowed'],
      ['editor', EDITOR, 'review', 'ready', null, 'allowed'],
      ['editor', EDITOR, 'draft', 'ready', null, 'allowed'],
      ['editor', EDITOR, 'review', 'draft', 'Tambahkan narasumber', 'allowed'],
      ['editor', EDITOR, 'review', 'draft', '  ', 'note-required'],
      ['editor', EDITOR, 'ready', 'draft', null, 'note-required'],
      ['editor', EDITOR, 'ready', 'review', null, 'not-allowed'],
      ['super admin', ADMIN, 'ready', 'review', null, 'allowed'],
      ['super admin', ADMIN, 'draft', 'ready', null, 'allowed'],
      ['custom token', CUSTOM_TOKEN, 'draft', 'review', null, 'allowed'],
      ['custom token', CUSTOM_TOKEN, 'review', 'ready', null, 'not-allowed'],
      ['full-access token', FULL_TOKEN, 'review', 'ready', null, 'allowed'],
      ['system', SYSTEM, 'draft', 'ready', null, 'allowed'],
      ['public', PUBLIC, 'draft', 'review', null, 'not-allowed'],
      ['anyone', ADMIN, 'draft', 'published', null, 'unknown-stage'],
      ['anyone', EDITOR, 'review', 'Siap Terbit', null, 'unknown-stage'],
    ])('%s: %s -> %s (note %j) is %s', (_who, roles, from, to, note, expected) => {
      const verdict = transitionVerdict(settings, from, to, roles, note);
      expect(verdict.allowed ? 'allowed' : verdict.code).toBe(expected);
    });

    test('a locale with no stage yet counts as being in the first one', () => {
      expect(transitionVerdict(settings, null, 'review', AUTHOR).allowed).toBe(true);
      expect(transitionVerdict(settings, null, 'ready', AUTHOR).allowed).toBe(false);
    });

    test('staying in the same stage is no transition', () => {
      expect(transitionVerdict(settings, 'review', 'review', PUBLIC)).toEqual({ allowed: true, transition: null });
    });

    test('the step taken is named, so the log can say "return" or "approve"', () => {
      const verdict = transitionVerdict(settings, 'review', 'draft', [...AUTHOR, ...EDITOR], 'kurang data');
      expect(verdict.allowed && verdict.transition?.name).toBe('withdraw');
    });
  });

  describe('publishVerdict', () => {
    test.each([
      ['author', AUTHOR, 'ready', true],
      ['author', AUTHOR, 'review', false],
      ['editor', EDITOR, 'ready', true],
      ['editor', EDITOR, 'review', false],
      ['editor', EDITOR, 'draft', false],
      ['editor', EDITOR, null, false],
      ['super admin', ADMIN, 'draft', true],
      ['custom token', CUSTOM_TOKEN, 'review', false],
      ['custom token', CUSTOM_TOKEN, 'ready', true],
      ['full-access token', FULL_TOKEN, 'draft', true],
      ['system (seed, import, job)', SYSTEM, 'draft', true],
    ])('%s publishing from %s: %s', (_who, roles, stage, expected) => {
      expect(publishVerdict(settings, stage, roles).allowed).toBe(expected);
    });

    test('an operator can make super admins wait for approval too', () => {
      const strict = workflowSettings({ skipApproval: [] });
      expect(publishVerdict(strict, 'draft', ADMIN)).toEqual({
        allowed: false,
        code: 'needs-approval',
        stage: 'draft',
      });
    });
  });

  describe('availableTransitions', () => {
    test.each([
      ['author', AUTHOR, 'draft', ['review']],
      ['author', AUTHOR, 'review', ['draft']],
      ['author', AUTHOR, 'ready', []],
      ['editor', EDITOR, 'draft', ['review', 'ready']],
      ['editor', EDITOR, 'review', ['ready', 'draft']],
      ['super admin', ADMIN, 'ready', ['draft', 'review']],
    ])('%s in %s may go to %j', (_who, roles, stage, targets) => {
      expect(availableTransitions(settings, stage, roles).map((step) => step.to)).toEqual(targets);
    });
  });

  describe('workflowSettings', () => {
    test.each([
      [{ stages: [] }, /non-empty list/],
      [{ stages: [{ id: 'Draf', label: { id: 'Draf', en: 'Draft' } }] }, /lowercase/],
      [{ stages: [{ id: 'draft', label: { id: 'Draf' } }] }, /English label/],
      [{ publishStage: 'live' }, /publishStage/],
      [{ transitions: [{ ...DEFAULT_WORKFLOW.transitions[0], to: 'published' }] }, /two different stages/],
      [{ skipApproval: 'strapi-super-admin' }, /skipApproval/],
    ])('refuses %j', (input, message) => {
      expect(() => workflowSettings(input as never)).toThrow(message);
    });

    test('keeps configured stages and labels', () => {
      const custom = workflowSettings({
        stages: [
          { id: 'draft', label: { id: 'Draf', en: 'Draft' } },
          { id: 'legal', label: { id: 'Cek Hukum', en: 'Legal check' } },
        ],
        publishStage: 'legal',
        transitions: [
          { name: 'file', from: 'draft', to: 'legal', label: { id: 'Ajukan', en: 'File' }, roles: ['strapi-author'] },
        ],
      });
      expect(publishVerdict(custom, 'legal', EDITOR).allowed).toBe(true);
      expect(transitionVerdict(custom, 'draft', 'legal', AUTHOR).allowed).toBe(true);
    });
  });
});

describe('principalOf', () => {
  test.each([
    [
      'an admin user',
      {
        state: {
          auth: { strategy: { name: 'admin' } },
          user: { id: 3, firstname: 'Rina', lastname: 'Wati', roles: [{ code: 'strapi-editor' }] },
        },
      },
      { kind: 'admin', id: 3, name: 'Rina Wati', roles: ['strapi-editor'] },
    ],
    [
      'an API token',
      {
        state: {
          auth: {
            strategy: { name: 'content-api-token' },
            credentials: { id: 7, name: 'Importer WP', type: 'custom' },
          },
        },
      },
      { kind: 'api-token', id: 7, name: 'Importer WP', roles: ['api-token', 'api-token:custom'] },
    ],
    [
      'a users-permissions user',
      {
        state: {
          auth: {
            strategy: { name: 'users-permissions' },
            credentials: { id: 2, username: 'budi', role: { type: 'authenticated' } },
          },
        },
      },
      { kind: 'user', id: 2, name: 'budi', roles: ['users-permissions:authenticated'] },
    ],
    ['a request nobody logged in for', { state: {} }, { kind: 'user', id: null, name: 'publik', roles: ['public'] }],
    ['no request (script, job)', undefined, { kind: 'system', id: null, name: 'sistem', roles: ['system'] }],
  ])('%s', (_case, ctx, expected) => {
    expect(principalOf(ctx as never)).toEqual(expected);
  });
});
