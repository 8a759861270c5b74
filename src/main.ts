import '@fontsource/open-sans/400.css';
import '@fontsource/open-sans/600.css';
import '@fontsource/open-sans/700.css';
import { initI18n } from './i18n';
import './app/app-root';

void initI18n();
