import draftsNeedEditor from './drafts-need-editor';
import publicQuery from './public-query';

export default {
  'drafts-need-editor': draftsNeedEditor,
  'public-query': publicQuery,
};
