import { HOUSE_STYLES, type HouseStyleName } from '../utils/dates';
import { DEFAULT_RELATED_SETTINGS, relatedSettings, type RelatedSettings } from '../utils/related-settings';

export type NewsroomConfig = {
  /** How bylines and dates are printed: kbbi (default: "Jumat", " - ", " | "), okezone ("Jum'at"), detik, kompas. */
  houseStyle: HouseStyleName;
  /** Words per minute behind "3 menit baca". */
  wordsPerMinute: number;
  /** Adds the `newsroom` object to REST articles; off saves its batch of queries for a portal that computes them itself. */
  computedFields: boolean;
  /**
   * "Berita Terkait": score weights and half-lives (see DEFAULT_RELATED_WEIGHTS in utils/related-scoring.ts
   * for each one's meaning and default; any subset may be given) and candidates scored per list.
   */
  related: RelatedSettings;
};

export default {
  default: {
    houseStyle: 'kbbi',
    wordsPerMinute: 200,
    computedFields: true,
    related: DEFAULT_RELATED_SETTINGS,
  } satisfies NewsroomConfig,
  validator(config: Partial<NewsroomConfig>) {
    relatedSettings(config.related);
    const styles = Object.keys(HOUSE_STYLES);
    if (config.houseStyle !== undefined && !styles.includes(config.houseStyle)) {
      throw new Error(`"newsroom.houseStyle" must be one of ${styles.join(', ')}; got "${config.houseStyle}".`);
    }
    if (config.computedFields !== undefined && typeof config.computedFields !== 'boolean') {
      throw new Error(`"newsroom.computedFields" must be true or false; got ${JSON.stringify(config.computedFields)}.`);
    }
    const wpm = config.wordsPerMinute;
    if (wpm !== undefined && (!Number.isInteger(wpm) || wpm < 50 || wpm > 1000)) {
      throw new Error(`"newsroom.wordsPerMinute" must be a whole number between 50 and 1000; got ${wpm}.`);
    }
  },
};
