import type { settings as zh } from '../zh/settings.js';

/** The workspace settings (unit name, city/county, level) asked by ssj init. */
export const settings: Record<keyof typeof zh, string> = {
  'settings.askUnit': 'Your unit\'s name (as sealed on forms, e.g. 宁川县医疗保障局):',
  'settings.askRegion': 'City/county/district (e.g. 宁川县):',
  'settings.askLevel': 'Administrative level:',
  'settings.required': 'Please fill this in (it cannot be empty).',
  'settings.badLevel': 'Invalid --level "{value}". Use 市 (city), 县 (county) or 区 (district).',
  'settings.needRegion': '--unit was given without --region (the city/county/district, e.g. 宁川县). Give both.',
  'settings.needLevel': 'Cannot tell the level (市, 县 or 区) from the place name "{region}". Add --level 市|县|区.',
  'settings.bad': 'The workspace settings file {file} is damaged (expected ssj-settings/1 with unit, region, level). Recreate it with ssj init DIR --force --unit NAME --region PLACE.',
  'settings.saved': 'Unit settings: {unit} ({region}, level {level}), saved in {file}. Forms, titles and defaults use them.',
  'settings.none': 'Note: no unit name or place is set, so form titles name no place. Add them with ssj init {dir} --force --unit NAME --region PLACE (existing data is kept).',
};
