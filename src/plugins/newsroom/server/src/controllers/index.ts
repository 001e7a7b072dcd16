import feeds from './feeds';
import houseStyle from './house-style';
import reader from './reader';
import readiness from './readiness';
import whatsappFollow from './whatsapp-follow';

export default {
  feeds,
  'house-style': houseStyle,
  reader,
  readiness,
  'whatsapp-follow': whatsappFollow,
};
