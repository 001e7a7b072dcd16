import draftsNeedEditor from './drafts-need-editor';
import mayReadArticles from './may-read-articles';
import publicQuery from './public-query';

export default {
  'drafts-need-editor': draftsNeedEditor,
  'may-read-articles': mayReadArticles,
  'public-query': publicQuery,
};
