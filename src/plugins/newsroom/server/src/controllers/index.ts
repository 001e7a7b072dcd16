import houseStyle from './house-style';
import whatsappFollow from './whatsapp-follow';

export default {
  'house-style': houseStyle,
  'whatsapp-follow': whatsappFollow,
};
