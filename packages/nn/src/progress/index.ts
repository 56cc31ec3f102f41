export {
  formatProgress,
  ProgressBar,
  type ProgressBarOptions,
  type ProgressState,
  type ProgressStream,
} from './progress-bar.js'
