export { type Instant, formatInZone, parseInZone, isValidZone } from './civil';
export {
  BUILT_IN_YEARS,
  CalendarFileError,
  CalendarYearSchema,
  MissingCalendarYearError,
  ProductionCalendar,
  builtInCalendar,
  parseCalendarYear,
  type CalendarDay,
  type CalendarYear,
  type ParseResult,
} from './calendar';
export {
  DEFAULT_WORKTIME_SETTINGS,
  WorktimeSettingsSchema,
  editWorktimeSettings,
  parseWorktimeSettings,
  type WorktimeSettings,
  type WorktimeSettingsEdit,
} from './schedule';
export { WorkClock, createWorkClock } from './clock';
