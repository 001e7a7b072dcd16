import houseStyle from './house-style';

export default {
  'house-style': houseStyle,
};
