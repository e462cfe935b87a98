// First, so that the first frame's storage read starts before the rest of the popup is evaluated.
import { firstPaint } from './first-read';
import { render } from 'preact';
import { t } from '../../lib/extension/i18n';
import { LivePopup } from './live-popup';
import './style.css';

// The catalogue in use names its own language, which is what a screen reader must speak
// (a UI language without a catalogue of ours falls back to English).
document.documentElement.lang = t('popup_lang');
document.title = t('extension_name');
const root = document.getElementById('app');
if (root) render(<LivePopup firstPaint={firstPaint} />, root);
