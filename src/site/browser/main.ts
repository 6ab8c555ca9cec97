/**
 * The browser side of every page, bundled into one classic script (`assets/site.js`): module
 * scripts are blocked on pages opened from disk, classic ones are not.
 */
import { initCopyCitation } from './copy-citation.ts';
import { initCopyLink } from './copy-link.ts';
import { initReadMarks } from './read-marks.ts';
import { initSearch } from './search/ui.ts';
import { initSortableTerms } from './sort-terms.ts';
import { initThemeSelect } from './theme.ts';

initThemeSelect();
initReadMarks();
initCopyLink();
initCopyCitation();
initSortableTerms();
initSearch();
