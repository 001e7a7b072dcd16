import editorial from './editorial';
import feeds from './feeds';
import houseStyle from './house-style';
import jobs from './jobs';
import reader from './reader';
import readiness from './readiness';
import schedule from './schedule';
import whatsappFollow from './whatsapp-follow';
import workflow from './workflow';

export default {
  editorial,
  feeds,
  'house-style': houseStyle,
  jobs,
  reader,
  readiness,
  schedule,
  'whatsapp-follow': whatsappFollow,
  workflow,
};
