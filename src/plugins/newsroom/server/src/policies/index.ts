import draftsNeedEditor from './drafts-need-editor';

export default {
  'drafts-need-editor': draftsNeedEditor,
};
